package io.plumbline.provider.aws;

import static io.plumbline.provider.aws.NetworkIT.applyClean;
import static io.plumbline.provider.aws.NetworkIT.counts;
import static io.plumbline.provider.aws.NetworkIT.tagName;
import static io.plumbline.provider.aws.Reconciles.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.RefusedException;
import io.plumbline.testing.Guarded;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * The example's whole hopper environment (network, IAM, security groups, launch template, instances and the worker
 * group), loaded from example-repo as the service loads it, created from an empty account, left alone by a second
 * apply, and removed again by pruning without touching the shared VPC or anything made by hand.
 */
class HopperIT {
    private static final String BIONIC = "ami-0bbe6b35405ecebdb";
    @RegisterExtension
    @Order(1)
    static final MotoServer MOTO = MotoServer.withBionicImage(HopperEnvironment.ACCOUNT);
    @RegisterExtension
    @Order(2)
    final SeededAccount account = SeededAccount.empty(MOTO);

    @Test
    void theWholeClusterIsCreatedFromAnEmptyAccountAndASecondApplyWritesNothing() {
        LoadedEnvironment env = HopperEnvironment.load("hopper");
        ChangeSet first = plan(account.provider(), env);
        assertThat(first.changes()).allSatisfy(c -> assertThat(c.action()).as(c.key().toString())
                .isEqualTo(Action.CREATE));
        assertThat(counts(first, Action.CREATE)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("Vpc", 1L), Map.entry("Subnet", 2L), Map.entry("InternetGateway", 1L),
                Map.entry("ElasticIp", 1L), Map.entry("NatGateway", 1L), Map.entry("RouteTable", 2L),
                Map.entry("SecurityGroup", 4L), Map.entry("SecurityGroupRule", 11L), Map.entry("IamRole", 2L),
                Map.entry("IamRolePolicy", 4L), Map.entry("IamInstanceProfile", 2L), Map.entry("LaunchTemplate", 1L),
                Map.entry("Instance", 2L), Map.entry("AutoScalingGroup", 1L)));
        assertThat(first.changes()).filteredOn(Change::keepsIdleCost).extracting(c -> c.key().toString())
                .containsExactlyInAnyOrder("aws ElasticIp hopper-nat", "aws NatGateway hopper/hopper-nat",
                        "aws Instance hopper-bastion", "aws Instance hopper-master");

        applyClean(account.provider(), env);
        assertThat(plan(account.provider(), env).filter(c -> c.action().writes())).isEmpty();
        account.provider().calls().clear();
        applyClean(account.provider(), env);
        assertThat(account.provider().calls().writes()).isEmpty();

        AwsClients hand = account.hand();
        var master = ComputeIT.instances(hand).get("hopper-master");
        assertThat(master.privateIpAddress()).isEqualTo("10.0.0.10");
        assertThat(master.imageId()).as("the bionic image, found by name and owner").isEqualTo(BIONIC);
        assertThat(master.iamInstanceProfile().arn()).endsWith("instance-profile/K8sMaster");
        String publicSubnet = hand.ec2().describeSubnets(r -> r.filters(tagName("hopper-public"))).subnets().get(0)
                .subnetId();
        assertThat(ComputeIT.instances(hand).get("hopper-bastion").subnetId()).isEqualTo(publicSubnet);
        var template = hand.ec2().describeLaunchTemplateVersions(r -> r.launchTemplateName(
                "k8s-node-1.10.3-t2-medium").versions("$Default")).launchTemplateVersions().get(0)
                .launchTemplateData();
        assertThat(template.imageId()).isEqualTo(BIONIC);
        assertThat(template.iamInstanceProfile().name()).isEqualTo("K8sNode");
        var group = hand.autoScaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames(
                "hopper-t2-medium-nodes")).autoScalingGroups().get(0);
        String privateSubnet = hand.ec2().describeSubnets(r -> r.filters(tagName("hopper-private"))).subnets()
                .get(0).subnetId();
        assertThat(group.vpcZoneIdentifier()).isEqualTo(privateSubnet);
        assertThat(group.instances()).hasSize(1);
    }

    @Test
    void aPlanOfTheWholeClusterReadsEachResourceTypeAtMostOnceOnAnEmptyAccountAndOnceItExists() {
        LoadedEnvironment env = HopperEnvironment.load("hopper");
        account.provider().calls().clear();
        plan(account.provider(), env);
        Map<String, Long> empty = reads(account.provider());
        assertThat(account.provider().calls().writes()).isEmpty();
        // Instances are looked for by marks, then by name for the declared ones not found (one made by hand of
        // the same name is shown as adopt, not created again).
        empty.forEach((op, n) -> assertThat(n).as(op).isLessThanOrEqualTo(op.equals("DescribeInstances") ? 2L : 1L));

        applyClean(account.provider(), env);
        account.provider().calls().clear();
        plan(account.provider(), env);
        // The VPC's two DNS attributes have no batch read; rules are read by group and by marks.
        Map<String, Long> exceptions = Map.of("DescribeVpcAttribute", 2L, "DescribeSecurityGroupRules", 2L);
        reads(account.provider()).forEach((op, n) -> assertThat(n).as(op)
                .isLessThanOrEqualTo(exceptions.getOrDefault(op, 1L)));
    }

    private static Map<String, Long> reads(AwsProvider provider) {
        Map<String, Long> reads = new java.util.TreeMap<>(provider.calls().calls().stream()
                .filter(c -> !c.operation().equals("GetCallerIdentity"))
                .collect(Collectors.groupingBy(CallCounter.Call::operation, Collectors.counting())));
        return reads;
    }

    @Test
    void removingTheWholeAwsContentDeletesEverythingOwnedInReverseOrderButTheSharedVpcAndTheForeign() {
        Foreign foreign = Foreign.make(account.hand());
        applyClean(account.provider(), HopperEnvironment.load("hopper"));

        LoadedEnvironment unguarded = HopperEnvironment.withoutAwsContent("retire hopper");
        ChangeSet plan = plan(account.provider(), unguarded);
        assertThat(counts(plan, Action.DELETE)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("Subnet", 2L), Map.entry("InternetGateway", 1L), Map.entry("ElasticIp", 1L),
                Map.entry("NatGateway", 1L), Map.entry("RouteTable", 2L), Map.entry("SecurityGroup", 4L),
                Map.entry("SecurityGroupRule", 11L), Map.entry("IamRole", 2L), Map.entry("IamRolePolicy", 4L),
                Map.entry("IamInstanceProfile", 2L), Map.entry("LaunchTemplate", 1L), Map.entry("Instance", 2L),
                Map.entry("AutoScalingGroup", 1L)));
        assertThat(plan.filter(c -> c.key().kind().equals("Vpc"))).singleElement()
                .satisfies(c -> assertThat(c.action()).isEqualTo(Action.ORPHAN));
        assertThatThrownBy(() -> Guarded.apply(account.provider(), unguarded, plan)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("Plumbline-Allow-Deletes: 34");
        assertThat(ComputeIT.instances(account.hand())).containsKeys("hopper-master", "hopper-bastion");

        LoadedEnvironment env = HopperEnvironment.withoutAwsContent("retire hopper\n\nPlumbline-Allow-Deletes: 34");
        account.provider().calls().clear();
        applyClean(account.provider(), env);

        List<String> deletes = account.provider().calls().writes().stream().map(CallCounter.Call::operation)
                .filter(op -> op.startsWith("Delete") || op.equals("TerminateInstances") || op.equals("ReleaseAddress"))
                .distinct().toList();
        assertThat(deletes).as("groups of instances, instances, templates, IAM, security groups, then the network")
                .containsSubsequence("DeleteAutoScalingGroup", "TerminateInstances", "DeleteLaunchTemplate",
                        "DeleteInstanceProfile", "DeleteRolePolicy", "DeleteRole", "DeleteSecurityGroup",
                        "DeleteRouteTable", "DeleteNatGateway", "ReleaseAddress", "DeleteInternetGateway",
                        "DeleteSubnet");
        assertThat(plan(account.provider(), env).filter(c -> c.action().writes())).isEmpty();
        assertThat(Leftovers.of(account.hand(), "hopper")).as("only the shared VPC keeps the marks")
                .containsExactly("vpc hopper");
        assertThat(foreign.untouched(account.hand())).isTrue();
    }

    /** A VPC with a subnet, an instance in it and an IAM role, all made by hand. */
    private record Foreign(String vpc, String subnet, String instance) {
        static Foreign make(AwsClients hand) {
            var ec2 = hand.ec2();
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16").tagSpecifications(s -> s.resourceType(
                    ResourceType.VPC).tags(AwsBaseline.tag("Name", "team-vpc")))).vpc().vpcId();
            String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.1.0.0/24").availabilityZone(
                    "us-west-2a")).subnet().subnetId();
            String instance = ec2.runInstances(r -> r.imageId(BIONIC).instanceType("t2.nano").minCount(1)
                    .maxCount(1).subnetId(subnet)).instances().get(0).instanceId();
            hand.iam().createRole(r -> r.roleName("team-ci").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
                    + "\"Action\":\"sts:AssumeRole\"}]}"));
            return new Foreign(vpc, subnet, instance);
        }

        boolean untouched(AwsClients hand) {
            var ec2 = hand.ec2();
            boolean network = ec2.describeVpcs(r -> r.vpcIds(vpc)).vpcs().size() == 1
                    && ec2.describeSubnets(r -> r.subnetIds(subnet)).subnets().size() == 1;
            boolean running = ec2.describeInstances(r -> r.instanceIds(instance)).reservations().get(0).instances()
                    .get(0).state().nameAsString().equals("running");
            boolean role = hand.iam().listRoles().roles().stream().anyMatch(r -> r.roleName().equals("team-ci"));
            return network && running && role;
        }
    }
}
