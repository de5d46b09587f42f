package io.plumbline.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.engine.plan.Destructive;
import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.FieldChange;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What AWS says its changes are: the facts the engine reads in place of AWS's kinds, fields and notes. */
class AwsWordsTest {
    private static Resource r(String kind, String namespace, String name) {
        return Resource.desired(ResourceKey.of("aws", kind, namespace, name), Map.of());
    }

    @Test
    void ruleRemovalsCertificateSwapsAndCapacityReductionsReadAsTheyAlwaysHave() {
        Resource listener = r("Listener", "alb", "443");
        Resource group = r("AutoScalingGroup", "", "nodes");
        Resource weekend = r("ScheduledAction", "nodes", "weekend");
        List<Change> changes = AwsProvider.WORDS.describe(new ChangeSet(List.of(
                Change.delete(r("EcrRepository", "", "old")),
                Change.delete(r("SecurityGroupRule", "k8s-master", "tcp:22")),
                Change.update(listener, listener, List.of(new FieldChange("certificate", "b.example.com",
                        "a.example.com"))),
                Change.update(group, group, List.of(new FieldChange("max", 2, 4), new FieldChange("min", 2, 1),
                        new FieldChange("launchTemplate", "b", "a"))),
                Change.update(weekend, weekend, List.of(new FieldChange("desired", 0, 3))),
                Change.create(r("EcrRepository", "", "new"))))).changes();

        assertThat(Destructive.flags(changes)).containsExactly(
                "deletes aws EcrRepository old",
                "removes rule aws SecurityGroupRule k8s-master/tcp:22",
                "swaps the certificate of aws Listener alb/443",
                "reduces max of aws AutoScalingGroup nodes from 4 to 2",
                "reduces desired of aws ScheduledAction nodes/weekend from 3 to 0");
    }

    @Test
    void aRuleAddedByHandToADeclaredGroupIsDriftAndAnUndeclaredObjectOfOursIsNot() {
        Ownership ownership = new Ownership(Fixture.load("aws/production.yaml").environment().environment().spec()
                .aws(), "production", false);
        Resource byHand = new Resource(ResourceKey.of("aws", "SecurityGroupRule", "k8s-master", "tcp:8080"),
                Map.of(), false);
        Resource ours = new Resource(ResourceKey.of("aws", "EcrRepository", "", "old"), Map.of(), true);

        Change kept = ownership.judge(Change.orphan(byHand, "not created by Plumbline for this environment"));
        Change notDeclared = ownership.judge(Change.orphan(ours, "no longer declared; pruning is off"));

        assertThat(kept.action()).isEqualTo(Action.ORPHAN);
        assertThat(kept.facts().drift()).isTrue();
        assertThat(notDeclared.facts().drift()).isFalse();
    }
}
