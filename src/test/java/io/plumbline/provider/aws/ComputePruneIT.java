package io.plumbline.provider.aws;

import static io.plumbline.provider.aws.Reconciles.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.model.Action;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.ObjectResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What takes an instance down happens only when the environment allows it, and pruning removes each compute kind
 * Plumbline made (an instance, a template, a group with its policy and alarm, a nodegroup) and nothing of the team's.
 */
class ComputePruneIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    final ComputeAccount account = new ComputeAccount(MOTO);

    private List<ObjectResult> apply(Fixture fixture, String message) {
        return account.provider().apply(fixture.environment(message),
                plan(account.provider(), fixture.environment(message)));
    }

    private ObjectNode master(Fixture fixture) {
        return fixture.at("/spec/aws/compute/instances/1");
    }

    @Test
    void aNewImageIsRefusedUntilTheInstanceMayBeReplaced() {
        Fixture fixture = HandCompute.environment();
        apply(fixture, "first");
        String before = ComputeIT.instances(account.hand()).get("hopper-master").instanceId();
        master(fixture).putObject("image").put("id", "ami-1e749f67");

        ChangeSet refused = plan(account.provider(), fixture.environment());
        assertThat(refused.with(Action.UPDATE)).singleElement().satisfies(c -> assertThat(c.note())
                .contains("refused", "image", "replace: true"));
        assertThat(apply(fixture, "new image")).filteredOn(r -> r.result() == ObjectResult.Result.FAILED)
                .singleElement().satisfies(r -> assertThat(r.permanent()).isTrue());
        assertThat(ComputeIT.instances(account.hand()).get("hopper-master").instanceId()).isEqualTo(before);

        // moto keeps a terminated instance's address taken (AWS frees it), so the new master moves to another one
        master(fixture).put("replace", true).put("instanceType", "t2.large").put("privateIp", "10.0.0.11");
        assertThat(apply(fixture, "replace")).filteredOn(r -> r.result() == ObjectResult.Result.FAILED).isEmpty();
        var now = ComputeIT.instances(account.hand()).get("hopper-master");
        assertThat(now.instanceId()).isNotEqualTo(before);
        assertThat(now.imageId()).isEqualTo("ami-1e749f67");
        assertThat(now.privateIpAddress()).isEqualTo("10.0.0.11");
        assertThat(now.instanceTypeAsString()).isEqualTo("t2.large");
        assertThat(plan(account.provider(), fixture.environment()).filter(c -> c.action().writes())).isEmpty();
    }

    @Test
    void aNewInstanceTypeStopsAndStartsTheSameInstanceOnlyWhenAllowed() {
        Fixture fixture = HandCompute.environment();
        apply(fixture, "first");
        String before = ComputeIT.instances(account.hand()).get("hopper-bastion").instanceId();
        ObjectNode bastion = fixture.at("/spec/aws/compute/instances/0");
        bastion.put("instanceType", "t2.small");
        assertThat(plan(account.provider(), fixture.environment()).with(Action.UPDATE)).singleElement()
                .satisfies(c -> assertThat(c.note()).contains("stops and starts"));

        bastion.put("replace", true);
        assertThat(apply(fixture, "bigger")).filteredOn(r -> r.result() == ObjectResult.Result.FAILED).isEmpty();
        var now = ComputeIT.instances(account.hand()).get("hopper-bastion");
        assertThat(now.instanceId()).isEqualTo(before);
        assertThat(now.instanceTypeAsString()).isEqualTo("t2.small");
        assertThat(now.state().nameAsString()).isEqualTo("running");
    }

    @Test
    void removingEachComputeKindPrunesWhatPlumblineMadeAndNothingElse() {
        Fixture fixture = HandCompute.environment();
        apply(fixture, "first");
        ((ArrayNode) fixture.tree().at("/spec/aws/compute/instances")).remove(0);
        ((ArrayNode) fixture.tree().at("/spec/aws/compute/launchTemplates")).removeAll();
        ((ArrayNode) fixture.tree().at("/spec/aws/autoscaling/groups")).removeAll();
        ((ArrayNode) fixture.tree().at("/spec/aws/eks/nodegroups")).removeAll();

        ChangeSet plan = plan(account.provider(), fixture.environment());
        assertThat(plan.with(Action.DELETE)).extracting(c -> c.key().toString()).containsExactlyInAnyOrder(
                "aws Instance hopper-bastion", "aws LaunchTemplate k8s-node-1.10.3-t2-medium",
                "aws AutoScalingGroup hopper-t2-medium-nodes", "aws ScalingPolicy hopper-t2-medium-nodes/cpu-high",
                "aws ScheduledAction hopper-t2-medium-nodes/weekend-up", "aws Nodegroup Example/hopper-workers");
        String message = "prune\n\nPlumbline-Allow-Deletes: 6";
        assertThat(apply(fixture, message)).filteredOn(r -> r.result() == ObjectResult.Result.FAILED).isEmpty();

        AwsClients hand = account.hand();
        assertThat(ComputeIT.instances(hand)).containsKeys("hopper-master", HandCompute.FOREIGN_INSTANCE)
                .doesNotContainKey("hopper-bastion");
        assertThat(hand.ec2().describeLaunchTemplates().launchTemplates()).extracting(t -> t.launchTemplateName())
                .containsExactly("k8s-node-1.10.3-t2-medium-001");
        assertThat(hand.autoScaling().describeAutoScalingGroups().autoScalingGroups())
                .extracting(g -> g.autoScalingGroupName()).containsExactly(HandCompute.FOREIGN_GROUP);
        assertThat(hand.cloudWatch().describeAlarms().metricAlarms()).isEmpty();
        assertThat(hand.eks().listNodegroups(r -> r.clusterName("Example")).nodegroups())
                .containsExactly(AwsBaseline.NODEGROUP);
        assertThat(account.foreignUntouched()).isTrue();
        assertThat(plan(account.provider(), fixture.environment(message)).filter(c -> c.action().writes())).isEmpty();
    }

    @Test
    void anInstanceOfTheSameNameThatPlumblineDidNotMakeIsLeftAlone() {
        Fixture fixture = HandCompute.environment();
        fixture.at("/spec/aws/compute/instances/0").put("name", HandCompute.FOREIGN_INSTANCE);

        ChangeSet plan = plan(account.provider(), fixture.environment());
        assertThat(plan.changes()).filteredOn(c -> c.key().name().equals(HandCompute.FOREIGN_INSTANCE))
                .singleElement().satisfies(c -> assertThat(c.action()).isEqualTo(Action.ADOPT));
        apply(fixture, "first");
        assertThat(account.foreignUntouched()).isTrue();
    }
}
