package io.plumbline.provider.aws.ec2;

import io.plumbline.model.Change;
import io.plumbline.model.Resource;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.provider.aws.AwsMarks;
import io.plumbline.provider.aws.Lookup;
import io.plumbline.render.aws.AwsKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * {@code kubernetes.io/cluster/<name>} tags on existing VPCs, subnets, security groups and Auto Scaling groups.
 * Plumbline sets them as declared and never removes one (nor the resource it is on).
 */
public final class ClusterTags implements AwsKind {

    /** A tagged resource as found: its id and its tags. */
    private record Tagged(String id, Map<String, String> tags) {
    }

    @Override
    public String kind() {
        return AwsKinds.CLUSTER_TAG;
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        List<Resource> out = new ArrayList<>();
        for (Resource d : desired) {
            String tagKey = tagKey(d);
            find(ctx, d).filter(t -> t.tags().containsKey(tagKey)).ifPresent(t -> out.add(
                    new Resource(d.key(), Map.of("value", t.tags().get(tagKey)), false)));
        }
        return out;
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        Resource d = change.desired();
        Tagged target = find(ctx, d).orElseThrow(() -> ProviderException.refused("aws: " + d.key().namespace()
                + " " + resourceName(d) + " not found; cannot tag it"));
        String value = (String) d.body().get("value");
        if (AwsKinds.AUTO_SCALING_GROUP.equals(typeOf(d))) {
            ctx.aws().autoScaling().createOrUpdateTags(r -> r.tags(t -> t.resourceId(target.id())
                    .resourceType("auto-scaling-group").key(tagKey(d)).value(value).propagateAtLaunch(true)));
        } else {
            ctx.aws().ec2().createTags(r -> r.resources(target.id()).tags(Tag.builder().key(tagKey(d)).value(value)
                    .build()));
        }
    }

    private static Optional<Tagged> find(AwsContext ctx, Resource d) {
        Lookup lookup = ctx.lookup();
        String name = resourceName(d);
        return switch (d.key().namespace()) {
            case "vpc" -> Optional.ofNullable(lookup.vpcs().get(name))
                    .map(v -> new Tagged(v.vpcId(), AwsMarks.ec2(v.tags())));
            case "subnet" -> Optional.ofNullable(lookup.subnets().get(name))
                    .map(s -> new Tagged(s.subnetId(), AwsMarks.ec2(s.tags())));
            case "securityGroup" -> lookup.securityGroups().stream().filter(g -> g.groupName().equals(name))
                    .findFirst().map(g -> new Tagged(g.groupId(), AwsMarks.ec2(g.tags())));
            default -> Optional.ofNullable(lookup.autoScalingGroups().get(name)).map(g -> new Tagged(
                    g.autoScalingGroupName(), g.tags().stream().collect(java.util.stream.Collectors.toMap(
                            t -> t.key(), t -> t.value(), (a, b) -> a))));
        };
    }

    private static String typeOf(Resource d) {
        return "autoScalingGroup".equals(d.key().namespace()) ? AwsKinds.AUTO_SCALING_GROUP : d.key().namespace();
    }

    private static String resourceName(Resource d) {
        return d.key().name().substring(0, d.key().name().indexOf(' '));
    }

    private static String tagKey(Resource d) {
        return d.key().name().substring(d.key().name().indexOf(' ') + 1);
    }
}
