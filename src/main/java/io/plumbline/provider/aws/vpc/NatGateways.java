package io.plumbline.provider.aws.vpc;

import io.plumbline.model.Change;
import io.plumbline.model.Resource;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.provider.aws.AwsMarks;
import io.plumbline.provider.aws.ClientTokens;
import io.plumbline.provider.aws.Waits;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.aws.Body;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * NAT gateways by VPC and {@code Name} tag, each in a declared subnet (fixed once made) with the Elastic IP of its
 * name. Creating and deleting wait, within the environment's health timeout, until AWS reports the gateway available
 * or deleted, so that routes and the address can follow. A NAT gateway costs money while it exists.
 */
public final class NatGateways implements AwsKind {
    private static final NetworkWrite WRITE = new NetworkWrite(NetworkReads.NAT_GATEWAYS, "natGatewayId");
    /** An earlier create's gateway in these states is gone (or going): a create must ask with a new token. */
    private static final Set<NatGatewayState> GONE = Set.of(NatGatewayState.DELETING, NatGatewayState.DELETED,
            NatGatewayState.FAILED);

    @Override
    public String kind() {
        return AwsKinds.NAT_GATEWAY;
    }

    @Override
    public Set<String> immutableFields() {
        return Set.of("subnet");
    }

    @Override
    public boolean costsWhileIdle() {
        return true;
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        Found found = new Found(ctx, desired);
        Map<String, String> subnets = NetworkReads.subnets(ctx).stream().collect(Collectors.toMap(
                s -> s.subnetId(), s -> Ec2Tags.name(s.tags()), (a, b) -> a));
        List<Resource> out = new ArrayList<>();
        for (NatGateway n : NetworkReads.natGateways(ctx)) {
            found.add(out, Found.key(kind(), NetworkReads.vpcName(ctx, n.vpcId()), Ec2Tags.name(n.tags())),
                    AwsMarks.ec2(n.tags()), Body.of().put("subnet", subnets.getOrDefault(n.subnetId(), n.subnetId()))
                            .put("natGatewayId", n.natGatewayId()).build());
        }
        return out;
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        WRITE.apply(ctx, change, NatGateways::create, NatGateways::delete);
    }

    private static void create(AwsContext ctx, Change change) {
        String subnetId = NetworkReads.subnet(ctx, change.key().namespace(),
                (String) change.desired().body().get("subnet")).subnetId();
        String allocationId = ElasticIps.allocationId(ctx, change.key().name());
        String id = ClientTokens.create(ctx, change, token -> ctx.aws().ec2().createNatGateway(r -> r
                        .subnetId(subnetId).allocationId(allocationId).clientToken(token)
                        .tagSpecifications(Ec2Tags.onCreate(ctx, change, ResourceType.NATGATEWAY))).natGateway(),
                made -> GONE.contains(made.state())).natGatewayId();
        await(ctx, change, id, NatGatewayState.AVAILABLE);
    }

    private static void delete(AwsContext ctx, Change change, String id) {
        ctx.aws().ec2().deleteNatGateway(r -> r.natGatewayId(id));
        await(ctx, change, id, NatGatewayState.DELETED);
    }

    private static void await(AwsContext ctx, Change change, String id, NatGatewayState state) {
        Waits.until(ctx, "NAT gateway " + change.key().name() + " to be " + state, () -> ctx.aws().ec2()
                .describeNatGateways(r -> r.natGatewayIds(id)).natGateways().stream()
                .allMatch(n -> n.state() == state));
    }
}
