package io.plumbline.provider.aws.vpc;

import io.plumbline.model.Change;
import io.plumbline.model.Resource;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsMarks;
import io.plumbline.provider.aws.ClientTokens;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.aws.Body;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/** The Elastic IP of each NAT gateway, named after it. An address costs money while it exists. */
public final class ElasticIps implements AwsKind {
    private static final NetworkWrite WRITE = new NetworkWrite(NetworkReads.ADDRESSES, "allocationId");

    @Override
    public String kind() {
        return AwsKinds.ELASTIC_IP;
    }

    @Override
    public boolean costsWhileIdle() {
        return true;
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        Found found = new Found(ctx, desired);
        List<Resource> out = new ArrayList<>();
        for (Address a : NetworkReads.addresses(ctx)) {
            found.add(out, Found.key(kind(), "", Ec2Tags.name(a.tags())), AwsMarks.ec2(a.tags()),
                    Body.of().put("allocationId", a.allocationId()).build());
        }
        return out;
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        WRITE.apply(ctx, change, ElasticIps::allocate, ElasticIps::release);
    }

    private static void allocate(AwsContext ctx, Change change) {
        ctx.aws().ec2().allocateAddress(r -> r.domain(DomainType.VPC).overrideConfiguration(ClientTokens.SENT_ONCE)
                .tagSpecifications(Ec2Tags.onCreate(ctx, change, ResourceType.ELASTIC_IP)));
    }

    private static void release(AwsContext ctx, Change change, String allocationId) {
        ctx.aws().ec2().releaseAddress(r -> r.allocationId(allocationId));
    }

    /** The allocation id of the address named {@code name}, for the NAT gateway of that name. */
    static String allocationId(AwsContext ctx, String name) {
        return NetworkReads.addresses(ctx).stream().filter(a -> Ec2Tags.name(a.tags()).equals(name))
                .map(Address::allocationId).findFirst().orElseThrow(() -> ProviderException.refused(
                        "aws: no Elastic IP named " + name + "; it should have been allocated first"));
    }
}
