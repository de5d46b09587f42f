package io.plumbline.provider.aws.ec2;

import io.plumbline.model.Change;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.provider.aws.AwsMarks;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.aws.Body;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * Security groups, keyed by VPC name and group name. A declared group that does not exist is created with its
 * description, tags and this environment's marks; a group with the marks that is no longer declared is deleted when
 * pruning is on (after its rules). A group without the marks is used as it is, and taken over only with
 * {@code adopt: true}.
 */
public final class SecurityGroups implements AwsKind {

    @Override
    public String kind() {
        return AwsKinds.SECURITY_GROUP;
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        Map<String, String> vpcNames = new HashMap<>();
        ctx.lookup().vpcs().forEach((name, vpc) -> vpcNames.put(vpc.vpcId(), name));
        Set<ResourceKey> declared = desired.stream().map(Resource::key).collect(Collectors.toSet());
        List<Resource> out = new ArrayList<>();
        for (SecurityGroup g : ctx.lookup().securityGroups()) {
            Map<String, String> tags = AwsMarks.ec2(g.tags());
            ResourceKey key = ResourceKey.of(AwsKinds.PROVIDER, kind(), vpcNames.getOrDefault(g.vpcId(), g.vpcId()),
                    g.groupName());
            boolean owned = ctx.owned(tags);
            if (declared.contains(key) || owned) {
                out.add(new Resource(key, Body.of().put("tags", tags).put("groupId", g.groupId()).build(), owned));
            }
        }
        return out;
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        switch (change.action()) {
            case CREATE -> create(ctx, change);
            case UPDATE -> ctx.aws().ec2().createTags(r -> r.resources(groupId(change)).tags(tags(ctx, change)));
            case DELETE -> ctx.aws().ec2().deleteSecurityGroup(r -> r.groupId(groupId(change)));
            default -> { }
        }
    }

    private static void create(AwsContext ctx, Change change) {
        String name = change.key().name();
        Vpc vpc = ctx.lookup().vpcs().get(change.key().namespace());
        if (vpc == null) {
            throw ProviderException.refused("aws: no VPC tagged Name=" + change.key().namespace()
                    + " to create security group " + name + " in");
        }
        String description = ctx.spec().securityGroups().stream().filter(g -> g.name().equals(name))
                .map(g -> g.description()).filter(d -> d != null).findFirst().orElse(name + ", managed by Plumbline");
        ctx.aws().ec2().createSecurityGroup(r -> r.groupName(name).vpcId(vpc.vpcId()).description(description)
                .tagSpecifications(s -> s.resourceType("security-group").tags(tags(ctx, change))));
        ctx.lookup().forget("security groups");
    }

    /** The declared tags and the marks: creating, adopting and re-tagging all write the same set. */
    private static List<Tag> tags(AwsContext ctx, Change change) {
        Map<String, String> tags = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, String> declared = (Map<String, String>) change.desired().body().getOrDefault("tags", Map.of());
        tags.putAll(declared);
        tags.putAll(ctx.ownershipTags());
        return tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
    }

    private static String groupId(Change change) {
        return (String) change.actual().body().get("groupId");
    }

}
