package io.plumbline.provider.aws.vpc;

import io.plumbline.model.Change;
import io.plumbline.model.Resource;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsMarks;
import io.plumbline.provider.aws.ClientTokens;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.aws.Body;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * Internet gateways by {@code Name} tag (unique in the environment) and the VPC they are attached to, by that VPC's
 * name: a gateway detached by hand is attached again; one no longer declared is detached, then deleted.
 */
public final class InternetGateways implements AwsKind {
    private static final NetworkWrite WRITE = new NetworkWrite(NetworkReads.INTERNET_GATEWAYS, "gatewayId");

    @Override
    public String kind() {
        return AwsKinds.INTERNET_GATEWAY;
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        Found found = new Found(ctx, desired);
        List<Resource> out = new ArrayList<>();
        for (InternetGateway g : NetworkReads.internetGateways(ctx)) {
            String vpcId = attachedVpc(g);
            found.add(out, Found.key(kind(), "", Ec2Tags.name(g.tags())), AwsMarks.ec2(g.tags()), Body.of()
                    .put("attachedTo", vpcId == null ? null : NetworkReads.vpcName(ctx, vpcId))
                    .put("gatewayId", g.internetGatewayId()).put("vpcId", vpcId).build());
        }
        return out;
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        WRITE.apply(ctx, change, InternetGateways::create, InternetGateways::update, InternetGateways::delete);
    }

    private static void create(AwsContext ctx, Change change) {
        String id = ctx.aws().ec2().createInternetGateway(r -> r.overrideConfiguration(ClientTokens.SENT_ONCE)
                .tagSpecifications(Ec2Tags.onCreate(ctx, change, ResourceType.INTERNET_GATEWAY))).internetGateway()
                .internetGatewayId();
        attach(ctx, id, (String) change.desired().body().get("attachedTo"));
    }

    private static void update(AwsContext ctx, Change change, String id) {
        if (change.topFields().contains("attachedTo")) {
            detach(ctx, id, (String) change.actual().body().get("vpcId"));
            attach(ctx, id, (String) change.desired().body().get("attachedTo"));
        }
    }

    private static void delete(AwsContext ctx, Change change, String id) {
        detach(ctx, id, (String) change.actual().body().get("vpcId"));
        ctx.aws().ec2().deleteInternetGateway(r -> r.internetGatewayId(id));
    }

    private static void attach(AwsContext ctx, String id, String vpc) {
        String vpcId = NetworkReads.vpcId(ctx, vpc);
        ctx.aws().ec2().attachInternetGateway(r -> r.internetGatewayId(id).vpcId(vpcId));
    }

    private static void detach(AwsContext ctx, String id, String vpcId) {
        if (vpcId != null) {
            ctx.aws().ec2().detachInternetGateway(r -> r.internetGatewayId(id).vpcId(vpcId));
        }
    }

    private static String attachedVpc(InternetGateway g) {
        return g.attachments().stream().map(a -> a.vpcId()).findFirst().orElse(null);
    }
}
