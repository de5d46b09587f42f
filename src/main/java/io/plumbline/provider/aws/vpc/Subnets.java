package io.plumbline.provider.aws.vpc;

import io.plumbline.model.Change;
import io.plumbline.model.Resource;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.provider.aws.AwsMarks;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.aws.Body;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Subnet;

/** Subnets by VPC and {@code Name} tag: zone and CIDR block (fixed once made), public IPs on launch, tags. */
public final class Subnets implements AwsKind {
    private static final NetworkWrite WRITE = new NetworkWrite(NetworkReads.SUBNETS, "subnetId");

    @Override
    public String kind() {
        return AwsKinds.SUBNET;
    }

    @Override
    public Set<String> immutableFields() {
        return Set.of("zone", "cidr");
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        Found found = new Found(ctx, desired);
        List<Resource> out = new ArrayList<>();
        for (Subnet s : NetworkReads.subnets(ctx)) {
            found.add(out, Found.key(kind(), NetworkReads.vpcName(ctx, s.vpcId()), Ec2Tags.name(s.tags())),
                    AwsMarks.ec2(s.tags()), Body.of().put("zone", s.availabilityZone()).put("cidr", s.cidrBlock())
                            .put("public", s.mapPublicIpOnLaunch()).put("subnetId", s.subnetId()).build());
        }
        return out;
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        WRITE.apply(ctx, change, Subnets::create, Subnets::update, Subnets::delete);
    }

    private static void create(AwsContext ctx, Change change) {
        String vpcId = NetworkReads.vpcId(ctx, change.key().namespace());
        var body = change.desired().body();
        String id = ctx.aws().ec2().createSubnet(r -> r.vpcId(vpcId).cidrBlock((String) body.get("cidr"))
                .availabilityZone((String) body.get("zone"))
                .tagSpecifications(Ec2Tags.onCreate(ctx, change, ResourceType.SUBNET))).subnet().subnetId();
        if (Boolean.TRUE.equals(body.get("public"))) {
            publicIps(ctx, id, true);
        }
    }

    private static void update(AwsContext ctx, Change change, String id) {
        if (change.topFields().contains("public")) {
            publicIps(ctx, id, Boolean.TRUE.equals(change.desired().body().get("public")));
        }
    }

    private static void delete(AwsContext ctx, Change change, String id) {
        ctx.aws().ec2().deleteSubnet(r -> r.subnetId(id));
    }

    private static void publicIps(AwsContext ctx, String id, boolean on) {
        ctx.aws().ec2().modifySubnetAttribute(r -> r.subnetId(id).mapPublicIpOnLaunch(v -> v.value(on)));
    }
}
