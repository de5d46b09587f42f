package io.plumbline.provider.aws.vpc;

import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsMarks;
import io.plumbline.provider.aws.Lookup;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * The describe calls of the network kinds, each made at most once per reconcile through the shared {@link Lookup}
 * (and again only after a write made it stale); those of the whole region (VPCs, internet gateways, addresses) are
 * shared with the other environments for a few seconds ({@link io.plumbline.provider.aws.SharedReads}). Subnets,
 * NAT gateways and route tables are read in the VPCs the environment declares or marked; internet gateways and
 * addresses, of which a region holds few (five unless the quota is raised), are read whole, so that a detached
 * gateway or a loose address carrying the marks is found. When no VPC is declared or marked, none of them is read:
 * the environment has no network.
 */
final class NetworkReads {
    static final String SUBNETS = Lookup.VPC_SUBNETS;
    static final String INTERNET_GATEWAYS = "internet gateways";
    static final String ADDRESSES = "elastic ips";
    static final String NAT_GATEWAYS = "nat gateways";
    static final String ROUTE_TABLES = "route tables";
    private static final List<String> LIVE_NAT_STATES = List.of("pending", "available");

    private NetworkReads() {
    }

    /** The VPCs the network section names, and those carrying this environment's marks, by id. */
    static Map<String, Vpc> vpcs(AwsContext ctx) {
        Set<String> declared = ctx.spec().network() == null ? Set.of() : ctx.spec().network().vpcs().stream()
                .map(io.plumbline.model.spec.aws.Vpc::name).collect(Collectors.toSet());
        return ctx.lookup().allVpcs().stream()
                .filter(v -> declared.contains(Ec2Tags.name(v.tags())) || ctx.marked(AwsMarks.ec2(v.tags())))
                .collect(Collectors.toMap(Vpc::vpcId, Function.identity(), (a, b) -> a));
    }

    /** The name a VPC is known by in keys: its {@code Name} tag, else its id. */
    static String vpcName(AwsContext ctx, String vpcId) {
        return ctx.lookup().allVpcs().stream().filter(v -> v.vpcId().equals(vpcId)).findFirst()
                .map(v -> Ec2Tags.name(v.tags())).filter(n -> !n.isEmpty()).orElse(vpcId);
    }

    /** The id of the VPC named {@code name}, or a clear error: a VPC is created before what is inside it. */
    static String vpcId(AwsContext ctx, String name) {
        Vpc vpc = ctx.lookup().vpcs().get(name);
        if (vpc == null) {
            throw ProviderException.refused("aws: no VPC tagged Name=" + name);
        }
        return vpc.vpcId();
    }

    /** The subnets of those VPCs, from the read shared with what launch templates, instances and groups name. */
    static List<Subnet> subnets(AwsContext ctx) {
        Set<String> ids = vpcs(ctx).keySet();
        return ctx.lookup().vpcSubnets().stream().filter(s -> ids.contains(s.vpcId())).toList();
    }

    static List<InternetGateway> internetGateways(AwsContext ctx) {
        boolean none = vpcs(ctx).isEmpty();
        return none ? List.of() : ctx.lookup().accountWide(INTERNET_GATEWAYS, () -> ctx.aws().ec2()
                .describeInternetGatewaysPaginator(r -> { }).internetGateways().stream().toList());
    }

    static List<Address> addresses(AwsContext ctx) {
        boolean none = vpcs(ctx).isEmpty();
        return none ? List.of() : ctx.lookup().accountWide(ADDRESSES, () -> ctx.aws().ec2().describeAddresses(r -> r
                .filters(Lookup.filter("domain", List.of("vpc")))).addresses());
    }

    static List<NatGateway> natGateways(AwsContext ctx) {
        List<String> ids = List.copyOf(vpcs(ctx).keySet());
        return ctx.lookup().once(NAT_GATEWAYS, () -> ids.isEmpty() ? List.of() : ctx.aws().ec2()
                .describeNatGatewaysPaginator(r -> r.filter(Lookup.filter("vpc-id", ids),
                        Lookup.filter("state", LIVE_NAT_STATES))).natGateways().stream().toList());
    }

    static List<RouteTable> routeTables(AwsContext ctx) {
        List<String> ids = List.copyOf(vpcs(ctx).keySet());
        return ctx.lookup().once(ROUTE_TABLES, () -> ids.isEmpty() ? List.of() : ctx.aws().ec2()
                .describeRouteTablesPaginator(r -> r.filters(Lookup.filter("vpc-id", ids))).routeTables().stream()
                .toList());
    }

    /** The subnet named {@code name} in the VPC named {@code vpc}. */
    static Subnet subnet(AwsContext ctx, String vpc, String name) {
        String vpcId = vpcId(ctx, vpc);
        return subnets(ctx).stream().filter(s -> s.vpcId().equals(vpcId) && Ec2Tags.name(s.tags()).equals(name))
                .findFirst().orElseThrow(() -> ProviderException.refused("aws: no subnet "
                        + name + " in VPC " + vpc + "; it should have been created first"));
    }

    /** After a write: the next read of {@code what} asks AWS again. */
    static void stale(AwsContext ctx, String what) {
        ctx.lookup().forget(what);
    }
}
