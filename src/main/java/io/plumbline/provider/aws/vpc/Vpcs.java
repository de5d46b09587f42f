package io.plumbline.provider.aws.vpc;

import io.plumbline.model.Change;
import io.plumbline.model.FieldChange;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsMarks;
import io.plumbline.provider.aws.ClientTokens;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.provider.aws.Waits;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.aws.Body;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.ec2.model.VpcState;

/**
 * VPCs by their {@code Name} tag: CIDR block, DNS support and DNS host names, tags. AWS reads the two DNS attributes
 * one call each, with no batch form, so they are read only for the declared VPCs that exist. A VPC tagged
 * {@code kubernetes.io/cluster/<name>=shared} is never deleted.
 */
public final class Vpcs implements AwsKind {
    private static final String LOOKUP = "vpcs";

    @Override
    public String kind() {
        return AwsKinds.VPC;
    }

    @Override
    public Set<String> immutableFields() {
        return Set.of("cidr");
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        Found found = new Found(ctx, desired);
        List<Resource> out = new ArrayList<>();
        for (Vpc v : NetworkReads.vpcs(ctx).values()) {
            ResourceKey key = Found.key(kind(), "", Ec2Tags.name(v.tags()));
            Body body = Body.of().put("cidr", v.cidrBlock()).put("vpcId", v.vpcId());
            if (found.declared(key)) {
                body.put("dnsSupport", ctx.aws().ec2().describeVpcAttribute(r -> r.vpcId(v.vpcId())
                        .attribute(VpcAttributeName.ENABLE_DNS_SUPPORT)).enableDnsSupport().value());
                body.put("dnsHostnames", ctx.aws().ec2().describeVpcAttribute(r -> r.vpcId(v.vpcId())
                        .attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES)).enableDnsHostnames().value());
            }
            found.add(out, key, AwsMarks.ec2(v.tags()), body.build());
        }
        return out;
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        switch (change.action()) {
            case CREATE -> create(ctx, change);
            case UPDATE -> update(ctx, change, (String) change.actual().body().get("vpcId"));
            case DELETE -> delete(ctx, change.actual());
            default -> { }
        }
    }

    private void create(AwsContext ctx, Change change) {
        String id = ctx.aws().ec2().createVpc(r -> r.cidrBlock((String) change.desired().body().get("cidr"))
                .overrideConfiguration(ClientTokens.SENT_ONCE)
                .tagSpecifications(Ec2Tags.onCreate(ctx, change, ResourceType.VPC))).vpc().vpcId();
        NetworkReads.stale(ctx, LOOKUP);
        Waits.until(ctx, "VPC " + change.key().name() + " to be available", () -> ctx.aws().ec2()
                .describeVpcs(r -> r.vpcIds(id)).vpcs().stream().allMatch(v -> v.state() == VpcState.AVAILABLE));
        dns(ctx, id, change.desired().body());
    }

    private void update(AwsContext ctx, Change change, String id) {
        List<String> fields = change.fields().stream().map(FieldChange::path).toList();
        Ec2Tags.restore(ctx, change, id);
        if (fields.contains("dnsSupport") || fields.contains("dnsHostnames")) {
            dns(ctx, id, change.desired().body());
        }
    }

    /** One call per attribute, as AWS takes them; support first, since host names need it. */
    private static void dns(AwsContext ctx, String id, Map<String, Object> body) {
        boolean support = Boolean.TRUE.equals(body.get("dnsSupport"));
        boolean hostnames = Boolean.TRUE.equals(body.get("dnsHostnames"));
        ctx.aws().ec2().modifyVpcAttribute(r -> r.vpcId(id).enableDnsSupport(v -> v.value(support)));
        ctx.aws().ec2().modifyVpcAttribute(r -> r.vpcId(id).enableDnsHostnames(v -> v.value(hostnames)));
    }

    private static void delete(AwsContext ctx, Resource actual) {
        @SuppressWarnings("unchecked")
        Map<String, String> tags = (Map<String, String>) actual.body().get("tags");
        if (AwsContext.shared(tags)) {
            throw ProviderException.refused("aws: VPC " + actual.key().name() + " is tagged shared; never deleted");
        }
        ctx.aws().ec2().deleteVpc(r -> r.vpcId((String) actual.body().get("vpcId")));
        NetworkReads.stale(ctx, LOOKUP);
    }
}
