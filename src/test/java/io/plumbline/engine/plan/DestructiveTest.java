package io.plumbline.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Change;
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
    void flagsDeletionsRuleRemovalsCertificateSwapsAndCapacityReductions() {
        List<Change> changes = List.of(
                Change.delete(r("EcrRepository", "old")),
                Change.delete(r("SecurityGroupRule", "k8s-master/tcp:22")),
                Change.update(r("Listener", "alb/443"), r("Listener", "alb/443"),
                        List.of(new FieldChange("certificate", "b.example.com", "a.example.com"))),
                Change.update(r("AutoScalingGroup", "nodes"), r("AutoScalingGroup", "nodes"),
                        List.of(new FieldChange("max", 2, 4), new FieldChange("min", 2, 1))),
                Change.create(r("EcrRepository", "new")));

        assertThat(Destructive.flags(changes)).containsExactly(
                "deletes aws EcrRepository old",
                "removes rule aws SecurityGroupRule k8s-master/tcp:22",
                "swaps the certificate of aws Listener alb/443",
                "reduces max of aws AutoScalingGroup nodes from 4 to 2");
    }

    @Test
    void kubernetesReplicaReductionsAreCapacityReductions() {
        Resource d = Resource.desired(ResourceKey.of("kubernetes", "apps/v1/Deployment", "example", "frontend"), Map.of());
        assertThat(Destructive.flags(List.of(Change.update(d, d,
                List.of(new FieldChange("spec.replicas", 1, 4))))))
                .containsExactly("reduces replicas of kubernetes apps/v1/Deployment example/frontend from 4 to 1");
    }
}
