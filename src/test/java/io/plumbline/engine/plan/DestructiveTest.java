package io.plumbline.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Change;
import io.plumbline.model.ChangeFacts;
import io.plumbline.model.FieldChange;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DestructiveTest {
    private static Resource r(String kind, String name) {
        return Resource.desired(ResourceKey.of("aws", kind, "", name), Map.of());
    }

    @Test
    void flagsDeletionsRuleRemovalsCertificateSwapsAndCapacityReductionsAsTheProviderSaysTheyAre() {
        Resource listener = r("Listener", "alb/443");
        Resource group = r("AutoScalingGroup", "nodes");
        List<Change> changes = List.of(
                Change.delete(r("EcrRepository", "old")),
                Change.delete(r("SecurityGroupRule", "k8s-master/tcp:22")).with(ChangeFacts.NONE.asRule()),
                Change.update(listener, listener, List.of(new FieldChange("certificate", "b.example.com",
                        "a.example.com"))).with(ChangeFacts.NONE.withCertificate("certificate")),
                Change.update(group, group, List.of(new FieldChange("max", 2, 4), new FieldChange("min", 2, 1)))
                        .with(ChangeFacts.NONE.withCapacity("max", "max").withCapacity("min", "min")),
                Change.create(r("EcrRepository", "new")));

        assertThat(Destructive.flags(changes)).containsExactly(
                "deletes aws EcrRepository old",
                "removes rule aws SecurityGroupRule k8s-master/tcp:22",
                "swaps the certificate of aws Listener alb/443",
                "reduces max of aws AutoScalingGroup nodes from 4 to 2");
    }

    @Test
    void namesAreNotReadOnlyTheFacts() {
        // the same words without the facts: a deletion is a deletion, a field called certificate or max is a field
        Resource listener = r("Listener", "alb/443");
        Resource group = r("AutoScalingGroup", "nodes");
        assertThat(Destructive.flags(List.of(
                Change.delete(r("SecurityGroupRule", "k8s-master/tcp:22")),
                Change.update(listener, listener, List.of(new FieldChange("certificate", "b", "a"))),
                Change.update(group, group, List.of(new FieldChange("max", 2, 4))))))
                .containsExactly("deletes aws SecurityGroupRule k8s-master/tcp:22");
    }

    @Test
    void aCapacityIsNamedAsTheProviderNamesItAndOnlyAReductionIsFlagged() {
        Resource d = Resource.desired(ResourceKey.of("kubernetes", "apps/v1/Deployment", "example", "frontend"), Map.of());
        ChangeFacts replicas = ChangeFacts.NONE.withCapacity("spec.replicas", "replicas");
        assertThat(Destructive.flags(List.of(
                Change.update(d, d, List.of(new FieldChange("spec.replicas", 1, 4))).with(replicas),
                Change.update(d, d, List.of(new FieldChange("spec.replicas", 5, 4))).with(replicas))))
                .containsExactly("reduces replicas of kubernetes apps/v1/Deployment example/frontend from 4 to 1");
    }
}
