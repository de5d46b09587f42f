package io.plumbline.provider.aws;

import static io.plumbline.provider.aws.Reconciles.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Action;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.ObjectResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Launch templates, instances, a worker group with its step policy and alarm, and a nodegroup, created from nothing on
 * a network made by hand; then left alone, and put back after hand edits. Every check reads AWS through separate
 * SDK clients.
 */
class ComputeIT {
    private static final String TEMPLATE = "k8s-node-1.10.3-t2-medium";

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    final ComputeAccount account = new ComputeAccount(MOTO);

    private List<ObjectResult> apply(Fixture fixture) {
        return account.provider().apply(fixture.environment(), plan(account.provider(), fixture.environment()));
    }

    @Test
    void everythingIsCreatedFromNothingAndASecondApplyWritesNothing() {
        Fixture fixture = HandCompute.environment();
        ChangeSet first = plan(account.provider(), fixture.environment());
        assertThat(first.with(Action.CREATE)).extracting(c -> c.key().toString()).contains(
                "aws LaunchTemplate " + TEMPLATE, "aws Instance hopper-bastion", "aws Instance hopper-master",
                "aws AutoScalingGroup hopper-t2-medium-nodes", "aws ScalingPolicy hopper-t2-medium-nodes/cpu-high",
                "aws ScheduledAction hopper-t2-medium-nodes/weekend-up", "aws Nodegroup Example/hopper-workers");
        assertThat(first.with(Action.CREATE)).filteredOn(c -> c.key().kind().equals("Instance"))
                .allMatch(c -> c.keepsIdleCost());

        assertThat(apply(fixture)).filteredOn(r -> r.result() == ObjectResult.Result.FAILED).isEmpty();

        AwsClients hand = account.hand();
        var version = hand.ec2().describeLaunchTemplateVersions(r -> r.launchTemplateName(TEMPLATE)
                .versions("$Default")).launchTemplateVersions().get(0).launchTemplateData();
        assertThat(version.imageId()).as("the newest ubuntu image by name").isEqualTo("ami-785db401");
        assertThat(new String(Base64.getDecoder().decode(version.userData()), StandardCharsets.UTF_8))
                .isEqualTo(HandCompute.USER_DATA);
        assertThat(version.iamInstanceProfile().name()).isEqualTo("K8sNode");
        var master = instances(hand).get("hopper-master");
        assertThat(master.privateIpAddress()).isEqualTo("10.0.0.10");
        assertThat(master.instanceTypeAsString()).isEqualTo("t2.medium");
        assertThat(instances(hand).get("hopper-bastion").tags()).anyMatch(t -> t.key().equals("plumbline:managed"));
        var group = hand.autoScaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames(AwsBaseline.GROUP))
                .autoScalingGroups().get(0);
        assertThat(group.launchTemplate().launchTemplateName()).isEqualTo(TEMPLATE);
        assertThat(group.tags()).anyMatch(t -> t.key().equals("k8s.io/cluster-autoscaler/enabled")
                && t.propagateAtLaunch());
        assertThat(hand.cloudWatch().describeAlarms(r -> r.alarmNames("hopper-t2-medium-nodes-cpu-high"))
                .metricAlarms()).singleElement().satisfies(a -> assertThat(a.threshold()).isEqualTo(70.0));
        assertThat(hand.eks().describeNodegroup(r -> r.clusterName("Example").nodegroupName("hopper-workers"))
                .nodegroup().labels()).containsEntry("role", "worker");

        account.provider().calls().clear();
        assertThat(plan(account.provider(), fixture.environment()).filter(c -> c.action().writes())).isEmpty();
        apply(fixture);
        assertThat(account.provider().calls().writes()).isEmpty();
        assertThat(account.foreignUntouched()).isTrue();
    }

    @Test
    void aPlanOnAnEmptyAccountReadsEachComputeTypeAtMostOnce() {
        account.provider().calls().clear();
        plan(account.provider(), HandCompute.environment().environment());
        Map<String, Long> reads = account.provider().calls().calls().stream()
                .collect(Collectors.groupingBy(CallCounter.Call::operation, Collectors.counting()));
        for (String once : List.of("DescribeLaunchTemplates", "DescribeLaunchTemplateVersions", "DescribeImages",
                "DescribeSubnets", "DescribeVpcs", "DescribeSecurityGroups", "DescribeAutoScalingGroups",
                "DescribePolicies", "DescribeAlarms", "ListNodegroups")) {
            assertThat(reads.getOrDefault(once, 0L)).as(once).isLessThanOrEqualTo(1L);
        }
        assertThat(reads).as("by marks, then by name for the declared instances not found")
                .containsEntry("DescribeInstances", 2L);
    }

    @Test
    void aHandEditOfEachKindIsReportedAndPutBack() {
        Fixture fixture = HandCompute.environment();
        apply(fixture);
        AwsClients hand = account.hand();
        String templateId = hand.ec2().describeLaunchTemplates(r -> r.launchTemplateNames(TEMPLATE))
                .launchTemplates().get(0).launchTemplateId();
        var was = hand.ec2().describeLaunchTemplateVersions(r -> r.launchTemplateId(templateId).versions("$Default"))
                .launchTemplateVersions().get(0).launchTemplateData();
        long handVersion = hand.ec2().createLaunchTemplateVersion(r -> r.launchTemplateId(templateId)
                .launchTemplateData(d -> d.imageId(was.imageId()).instanceType("t2.large").userData(was.userData())
                        .iamInstanceProfile(p -> p.name(was.iamInstanceProfile().name()))
                        .securityGroupIds(was.securityGroupIds()))).launchTemplateVersion().versionNumber();
        hand.ec2().modifyLaunchTemplate(r -> r.launchTemplateId(templateId).defaultVersion(String.valueOf(handVersion)));
        String nodes = account.seeded().nodesId();
        hand.ec2().modifyInstanceAttribute(r -> r.instanceId(instances(hand).get("hopper-bastion").instanceId())
                .groups(nodes));
        hand.autoScaling().createOrUpdateTags(r -> r.tags(t -> t.resourceId(AwsBaseline.GROUP)
                .resourceType("auto-scaling-group").key("k8s.io/cluster-autoscaler/enabled").value("0")
                .propagateAtLaunch(true)));
        hand.cloudWatch().putMetricAlarm(r -> r.alarmName("hopper-t2-medium-nodes-cpu-high").namespace("AWS/EC2")
                .metricName("CPUUtilization").statistic("Average").threshold(90.0)
                .comparisonOperator("GreaterThanOrEqualToThreshold").period(300).evaluationPeriods(2));
        hand.eks().updateNodegroupConfig(r -> r.clusterName("Example").nodegroupName("hopper-workers")
                .labels(l -> l.addOrUpdateLabels(Map.of("role", "batch"))));

        ChangeSet drift = plan(account.provider(), fixture.environment());
        Map<String, List<String>> fields = drift.with(Action.UPDATE).stream().collect(Collectors.toMap(
                c -> c.key().toString(), c -> c.fields().stream().map(f -> f.path()).toList()));
        assertThat(fields).containsEntry("aws LaunchTemplate " + TEMPLATE, List.of("instanceType"))
                .containsEntry("aws Instance hopper-bastion", List.of("securityGroups[0]"))
                .containsEntry("aws AutoScalingGroup hopper-t2-medium-nodes", List.of("tags[1].value"))
                .containsEntry("aws ScalingPolicy hopper-t2-medium-nodes/cpu-high", List.of("alarm.threshold"))
                .containsEntry("aws Nodegroup Example/hopper-workers", List.of("labels.role"))
                .hasSize(5);

        assertThat(apply(fixture)).filteredOn(r -> r.result() == ObjectResult.Result.FAILED).isEmpty();
        assertThat(plan(account.provider(), fixture.environment()).filter(c -> c.action().writes())).isEmpty();
        var versions = hand.ec2().describeLaunchTemplateVersions(r -> r.launchTemplateId(templateId))
                .launchTemplateVersions();
        assertThat(versions).as("earlier versions are kept").hasSize(3);
        assertThat(account.foreignUntouched()).isTrue();
    }

    static Map<String, software.amazon.awssdk.services.ec2.model.Instance> instances(AwsClients hand) {
        return hand.ec2().describeInstances(r -> r.filters(f -> f.name("instance-state-name").values("running",
                        "stopped"))).reservations().stream().flatMap(r -> r.instances().stream())
                .collect(Collectors.toMap(i -> Lookup.nameTag(i.tags()), Function.identity(), (a, b) -> b));
    }
}
