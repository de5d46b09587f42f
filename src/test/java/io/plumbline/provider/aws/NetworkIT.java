package io.plumbline.provider.aws;

import static io.plumbline.provider.aws.Reconciles.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/** The hopper network and its four security groups, made from an empty account and kept true to the file. */
class NetworkIT {
    @RegisterExtension
    @Order(1)
    static final MotoServer MOTO = new MotoServer();
    @RegisterExtension
    @Order(2)
    final SeededAccount account = SeededAccount.empty(MOTO);

    static LoadedEnvironment hopper() {
        return Fixture.load("aws/hopper.yaml").environment();
    }

    static void applyClean(AwsProvider provider, LoadedEnvironment env) {
        List<ObjectResult> results = provider.apply(env, plan(provider, env));
        assertThat(results).filteredOn(r -> r.result() == ObjectResult.Result.FAILED).isEmpty();
    }

    static Map<String, Long> counts(ChangeSet plan, Action action) {
        return plan.with(action).stream().collect(Collectors.groupingBy(c -> c.key().kind(), TreeMap::new,
                Collectors.counting()));
    }

    @Test
    void theNetworkAndTheGroupsAreCreatedFromNothingAndASecondApplyWritesNothing() {
        LoadedEnvironment env = hopper();
        ChangeSet first = plan(account.provider(), env);
        assertThat(counts(first, Action.CREATE)).containsEntry("Vpc", 1L).containsEntry("Subnet", 2L)
                .containsEntry("InternetGateway", 1L).containsEntry("ElasticIp", 1L).containsEntry("NatGateway", 1L)
                .containsEntry("RouteTable", 2L).containsEntry("SecurityGroup", 4L)
                .containsEntry("SecurityGroupRule", 11L);
        assertThat(first.changes()).filteredOn(Change::keepsIdleCost).extracting(c -> c.key().kind())
                .containsExactlyInAnyOrder("ElasticIp", "NatGateway");

        applyClean(account.provider(), env);
        account.provider().calls().clear();
        applyClean(account.provider(), env);

        assertThat(account.provider().calls().writes()).isEmpty();
        var ec2 = account.hand().ec2();
        String vpcId = ec2.describeVpcs(r -> r.filters(tagName("hopper"))).vpcs().get(0).vpcId();
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES))
                .enableDnsHostnames().value()).isTrue();
        assertThat(ec2.describeSubnets(r -> r.filters(tagName("hopper-public"))).subnets().get(0)
                .mapPublicIpOnLaunch()).isTrue();
        var privateTable = ec2.describeRouteTables(r -> r.filters(tagName("hopper-private"))).routeTables().get(0);
        assertThat(privateTable.routes()).anySatisfy(route -> assertThat(route.natGatewayId()).startsWith("nat-"));
        assertThat(privateTable.associations()).hasSize(1);
        String nodes = ec2.describeSecurityGroups(r -> r.filters(f -> f.name("group-name").values("k8s-nodes")))
                .securityGroups().get(0).groupId();
        assertThat(ec2.describeSecurityGroupRules(r -> r.filters(f -> f.name("group-id").values(nodes)))
                .securityGroupRules()).filteredOn(rule -> !rule.isEgress() && rule.referencedGroupInfo() != null)
                .anySatisfy(rule -> {
                    assertThat(rule.ipProtocol()).isEqualTo("-1");
                    assertThat(rule.referencedGroupInfo().groupId()).isEqualTo(nodes);
                });
    }

    @Test
    void aPlanReadsEachResourceTypeOnce() {
        LoadedEnvironment env = hopper();
        account.provider().calls().clear();
        plan(account.provider(), env);
        assertThat(operations(account.provider())).allSatisfy((op, n) -> assertThat(n).as(op).isEqualTo(1L));

        applyClean(account.provider(), env);
        account.provider().calls().clear();
        plan(account.provider(), env);

        // The two DNS attributes of the VPC have no batch read; the rules are read by group and by marks.
        // IAM reads roles with their policies in one call, and profiles in another; templates and instances are
        // looked for by marks, as pruning is on.
        // The other kinds look once each for what carries the marks; certificates are listed only when the tagging
        // API (GetResources) names a marked one not yet found, and hopper has none.
        assertThat(operations(account.provider())).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("DescribeVpcs", 1L), Map.entry("DescribeVpcAttribute", 2L), Map.entry("DescribeSubnets", 1L),
                Map.entry("DescribeInternetGateways", 1L), Map.entry("DescribeAddresses", 1L),
                Map.entry("DescribeNatGateways", 1L), Map.entry("DescribeRouteTables", 1L),
                Map.entry("DescribeSecurityGroups", 1L), Map.entry("DescribeSecurityGroupRules", 2L),
                Map.entry("GetResources", 1L), Map.entry("DescribeAutoScalingGroups", 1L),
                Map.entry("DescribeLoadBalancers", 1L), Map.entry("DescribeRepositories", 1L),
                Map.entry("ListHostedZones", 1L),
                Map.entry("GetAccountAuthorizationDetails", 1L), Map.entry("ListInstanceProfiles", 1L),
                Map.entry("DescribeLaunchTemplates", 1L), Map.entry("DescribeInstances", 1L)));
    }

    @Test
    void driftInOneFieldOfEachKindIsReportedAndRestored() {
        LoadedEnvironment env = hopper();
        applyClean(account.provider(), env);
        var ec2 = account.hand().ec2();
        String vpcId = ec2.describeVpcs(r -> r.filters(tagName("hopper"))).vpcs().get(0).vpcId();
        ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(v -> v.value(false)));
        String publicSubnet = ec2.describeSubnets(r -> r.filters(tagName("hopper-public"))).subnets().get(0)
                .subnetId();
        ec2.modifySubnetAttribute(r -> r.subnetId(publicSubnet).mapPublicIpOnLaunch(v -> v.value(false)));
        String igw = ec2.describeInternetGateways(r -> r.filters(tagName("hopper-igw"))).internetGateways().get(0)
                .internetGatewayId();
        ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        String allocation = ec2.describeAddresses(r -> r.filters(tagName("hopper-nat"))).addresses().get(0)
                .allocationId();
        ec2.deleteTags(r -> r.resources(allocation).tags(t -> t.key("team")));
        String nat = ec2.describeNatGateways(r -> r.filter(tagName("hopper-nat"))).natGateways().get(0)
                .natGatewayId();
        ec2.createTags(r -> r.resources(nat).tags(t -> t.key("team").value("someone-else")));
        String privateTable = ec2.describeRouteTables(r -> r.filters(tagName("hopper-private"))).routeTables()
                .get(0).routeTableId();
        ec2.deleteRoute(r -> r.routeTableId(privateTable).destinationCidrBlock("0.0.0.0/0"));
        String bastion = ec2.describeSecurityGroups(r -> r.filters(f -> f.name("group-name").values("ssh-bastion")))
                .securityGroups().get(0).groupId();
        ec2.createTags(r -> r.resources(bastion).tags(t -> t.key("team").value("someone-else")));
        String nodes = ec2.describeSecurityGroups(r -> r.filters(f -> f.name("group-name").values("k8s-nodes")))
                .securityGroups().get(0).groupId();
        ec2.revokeSecurityGroupIngress(r -> r.groupId(nodes).ipPermissions(p -> p.ipProtocol("-1")
                .userIdGroupPairs(u -> u.groupId(nodes))));

        ChangeSet drift = plan(account.provider(), env);

        assertThat(drift.with(Action.UPDATE)).extracting(c -> c.key().kind() + " " + c.fields().get(0).path())
                .containsExactlyInAnyOrder("Vpc dnsHostnames", "Subnet public", "InternetGateway attachedTo",
                        "ElasticIp tags.team", "NatGateway tags.team", "RouteTable routes",
                        "SecurityGroup tags.team");
        assertThat(drift.with(Action.CREATE)).extracting(c -> c.key().toString())
                .containsExactly("aws SecurityGroupRule k8s-nodes/ingress:all:sg:k8s-nodes");
        applyClean(account.provider(), env);
        assertThat(plan(account.provider(), env).filter(c -> c.action().writes())).isEmpty();
    }

    @Test
    void aChangedCidrIsRefusedInThePlanAndNotReplaced() {
        applyClean(account.provider(), hopper());
        Fixture fixture = Fixture.load("aws/hopper.yaml");
        fixture.at("/spec/aws/network/vpcs/0/subnets/0").put("cidr", "10.0.32.0/20");
        LoadedEnvironment env = fixture.environment();

        ChangeSet plan = plan(account.provider(), env);

        Change subnet = plan.filter(c -> c.key().kind().equals("Subnet") && c.action() == Action.UPDATE).get(0);
        assertThat(subnet.note()).startsWith("refused: cidr cannot change in place");
        List<ObjectResult> results = account.provider().apply(env, plan);
        assertThat(results).filteredOn(r -> r.result() == ObjectResult.Result.FAILED).singleElement()
                .satisfies(r -> assertThat(r.permanent()).isTrue());
        assertThat(account.hand().ec2().describeSubnets(r -> r.filters(tagName("hopper-private"))).subnets())
                .extracting(s -> s.cidrBlock()).containsExactly("10.0.0.0/20");
    }

    private static Map<String, Long> operations(AwsProvider provider) {
        return provider.calls().calls().stream().filter(c -> !c.operation().equals("GetCallerIdentity"))
                .collect(Collectors.groupingBy(CallCounter.Call::operation, Collectors.counting()));
    }

    static Filter tagName(String name) {
        return Filter.builder().name("tag:Name").values(name).build();
    }
}
