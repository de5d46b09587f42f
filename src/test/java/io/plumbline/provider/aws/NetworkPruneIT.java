package io.plumbline.provider.aws;

import static io.plumbline.provider.aws.NetworkIT.applyClean;
import static io.plumbline.provider.aws.NetworkIT.counts;
import static io.plumbline.provider.aws.NetworkIT.tagName;
import static io.plumbline.provider.aws.Reconciles.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.model.Action;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * Removing the network from the file deletes what Plumbline made, in reverse order, and nothing else: a VPC and a
 * subnet made by hand stay, and a VPC tagged {@code shared} is never deleted.
 */
class NetworkPruneIT {
    private static final String ALLOW = "drop the network\n\nPlumbline-Allow-Deletes: 100";
    @RegisterExtension
    @Order(1)
    static final MotoServer MOTO = new MotoServer();
    @RegisterExtension
    @Order(2)
    final SeededAccount account = SeededAccount.empty(MOTO);

    @Test
    void removingTheNetworkDeletesEveryKindButKeepsTheSharedVpcAndWhatIsForeign() {
        String foreignSubnet = foreignNetwork();
        applyClean(account.provider(), NetworkIT.hopper());
        Fixture fixture = Fixture.load("aws/hopper.yaml");
        ObjectNode vpc = fixture.at("/spec/aws/network/vpcs/0");
        vpc.remove(java.util.List.of("internetGateway", "subnets", "natGateways", "routeTables"));
        fixture.at("/spec/aws").remove("securityGroups");
        LoadedEnvironment env = fixture.environment(ALLOW);

        ChangeSet plan = plan(account.provider(), env);

        assertThat(counts(plan, Action.DELETE)).containsEntry("Subnet", 2L).containsEntry("InternetGateway", 1L)
                .containsEntry("ElasticIp", 1L).containsEntry("NatGateway", 1L).containsEntry("RouteTable", 2L)
                .containsEntry("SecurityGroup", 4L).containsEntry("SecurityGroupRule", 11L);
        applyClean(account.provider(), env);
        assertThat(plan(account.provider(), env).filter(c -> c.action().writes())).isEmpty();

        fixture.at("/spec/aws").remove("network");
        ChangeSet whole = plan(account.provider(), fixture.environment(ALLOW));

        assertThat(whole.filter(c -> c.key().kind().equals("Vpc"))).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.ORPHAN);
            assertThat(c.note()).contains("shared").contains("never deleted");
        });
        var ec2 = account.hand().ec2();
        assertThat(ec2.describeVpcs(r -> r.filters(tagName("hopper"))).vpcs()).hasSize(1);
        assertThat(ec2.describeSubnets(r -> r.subnetIds(foreignSubnet)).subnets()).hasSize(1);
        assertThat(ec2.describeNatGateways(r -> r.filter(f -> f.name("state").values("available")))
                .natGateways()).isEmpty();
        assertThat(ec2.describeAddresses().addresses()).isEmpty();
    }

    @Test
    void aVpcThatIsNotSharedIsDeletedWithEverythingInItAndNothingForeignIsTouched() {
        String foreignSubnet = foreignNetwork();
        Fixture fixture = Fixture.load("aws/hopper.yaml");
        fixture.at("/spec/aws/network/vpcs/0").remove("tags");
        applyClean(account.provider(), fixture.environment());
        fixture.at("/spec/aws").remove(java.util.List.of("network", "securityGroups"));
        LoadedEnvironment env = fixture.environment(ALLOW);

        assertThat(counts(plan(account.provider(), env), Action.DELETE)).containsEntry("Vpc", 1L)
                .containsEntry("Subnet", 2L).containsEntry("RouteTable", 2L).containsEntry("SecurityGroup", 4L);
        applyClean(account.provider(), env);

        var ec2 = account.hand().ec2();
        assertThat(ec2.describeVpcs(r -> r.filters(tagName("hopper"))).vpcs()).isEmpty();
        assertThat(ec2.describeSubnets(r -> r.subnetIds(foreignSubnet)).subnets()).hasSize(1);
        assertThat(ec2.describeVpcs(r -> r.filters(tagName("team-vpc"))).vpcs()).hasSize(1);
        assertThat(plan(account.provider(), env).filter(c -> c.action().writes())).isEmpty();
    }

    /** A VPC and a subnet made by hand, without Plumbline's marks; returns the subnet's id. */
    private String foreignNetwork() {
        var ec2 = account.hand().ec2();
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16").tagSpecifications(s -> s.resourceType(
                ResourceType.VPC).tags(AwsBaseline.tag("Name", "team-vpc")))).vpc().vpcId();
        return ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.1.0.0/24").availabilityZone("us-west-2a")
                .tagSpecifications(s -> s.resourceType(ResourceType.SUBNET).tags(AwsBaseline.tag("Name",
                        "team-subnet")))).subnet().subnetId();
    }
}
