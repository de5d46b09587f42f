package io.plumbline.provider.aws.ec2;

import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.aws.RuleNames;
import io.plumbline.model.spec.aws.SecurityGroup;
import io.plumbline.model.ObjectResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The ingress and egress rules of declared security groups, managed exactly: a rule the environment does not
 * declare is drift, reported, and revoked only when pruning is on. Egress is managed only for groups that declare
 * egress rules, so the default allow-all egress of a group is left alone otherwise.
 */
public final class SecurityGroupRules implements AwsKind {

    @Override
    public String kind() {
        return AwsKinds.SECURITY_GROUP_RULE;
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        DeclaredGroups groups = new DeclaredGroups(ctx);
        List<Resource> out = new ArrayList<>();
        for (SecurityGroup declared : ctx.spec().securityGroups()) {
            var group = groups.group(declared.name());
            boolean owned = !AwsContext.shared(tags(group.tags()));
            group.ipPermissions().forEach(p -> expand(groups, declared.name(), "ingress", p, owned, out));
            if (!declared.egress().isEmpty()) {
                group.ipPermissionsEgress().forEach(p -> expand(groups, declared.name(), "egress", p, owned, out));
            }
        }
        return out;
    }

    private static void expand(DeclaredGroups groups, String group, String direction, IpPermission p,
                               boolean owned, List<Resource> out) {
        String protocol = RuleNames.protocol(p.ipProtocol());
        int from = p.fromPort() == null ? -1 : p.fromPort();
        int to = p.toPort() == null ? -1 : p.toPort();
        p.ipRanges().forEach(r -> out.add(rule(group, direction, protocol, from, to, r.cidrIp(), r.description(),
                owned)));
        p.ipv6Ranges().forEach(r -> out.add(rule(group, direction, protocol, from, to, r.cidrIpv6(),
                r.description(), owned)));
        p.userIdGroupPairs().forEach(r -> out.add(rule(group, direction, protocol, from, to,
                groups.peerName(r.groupId()), r.description(), owned)));
        p.prefixListIds().forEach(r -> out.add(rule(group, direction, protocol, from, to,
                "pl:" + r.prefixListId(), r.description(), owned)));
    }

    private static Resource rule(String group, String direction, String protocol, int from, int to, String peer,
                                 String description, boolean owned) {
        int fromPort = "all".equals(protocol) ? -1 : from;
        int toPort = "all".equals(protocol) ? -1 : to;
        return new Resource(ResourceKey.of(AwsKinds.PROVIDER, AwsKinds.SECURITY_GROUP_RULE, group,
                RuleNames.name(direction, protocol, fromPort, toPort, peer)),
                RuleNames.body(direction, protocol, fromPort, toPort, peer, description), owned);
    }

    /**
     * New rules are authorised in one call per group and direction. AWS refuses such a call whole when one rule
     * is wrong, so then the rules are tried one by one and each result says which failed.
     */
    @Override
    public List<ObjectResult> applyAll(AwsContext ctx, List<Change> changes) {
        Map<String, List<Change>> creates = new LinkedHashMap<>();
        List<Change> others = new ArrayList<>();
        for (Change c : changes) {
            if (c.action() == Action.CREATE) {
                creates.computeIfAbsent(c.key().namespace() + " " + c.desired().body().get("direction"),
                        k -> new ArrayList<>()).add(c);
            } else {
                others.add(c);
            }
        }
        List<ObjectResult> results = new ArrayList<>();
        DeclaredGroups groups = new DeclaredGroups(ctx);
        for (List<Change> batch : creates.values()) {
            results.addAll(batch.size() == 1 ? AwsKind.super.applyAll(ctx, batch) : authorizeAll(ctx, groups, batch));
        }
        results.addAll(AwsKind.super.applyAll(ctx, others));
        return results;
    }

    private List<ObjectResult> authorizeAll(AwsContext ctx, DeclaredGroups groups, List<Change> batch) {
        try {
            var group = groups.group(batch.get(0).key().namespace());
            List<IpPermission> permissions = batch.stream()
                    .map(c -> RulePermissions.permission(groups, group, c.desired().body(), true)).toList();
            authorize(ctx, group.groupId(), permissions, "ingress".equals(batch.get(0).desired().body().get("direction")));
            return batch.stream().map(ObjectResult::done).toList();
        } catch (RuntimeException e) {
            return AwsKind.super.applyAll(ctx, batch);
        }
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        DeclaredGroups groups = new DeclaredGroups(ctx);
        Resource rule = change.action() == Action.DELETE ? change.actual() : change.desired();
        var group = groups.group(change.key().namespace());
        IpPermission permission = RulePermissions.permission(groups, group, rule.body(),
                change.action() != Action.DELETE);
        boolean ingress = "ingress".equals(rule.body().get("direction"));
        switch (change.action()) {
            case CREATE -> authorize(ctx, group.groupId(), List.of(permission), ingress);
            case UPDATE -> describe(ctx, group.groupId(), permission, ingress);
            case DELETE -> revoke(ctx, group.groupId(), permission, ingress);
            default -> { }
        }
    }

    private static void authorize(AwsContext ctx, String groupId, List<IpPermission> p, boolean ingress) {
        List<Tag> tags = ctx.ownershipTags().entrySet().stream()
                .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
        if (ingress) {
            ctx.aws().ec2().authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(p)
                    .tagSpecifications(s -> s.resourceType("security-group-rule").tags(tags)));
        } else {
            ctx.aws().ec2().authorizeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(p)
                    .tagSpecifications(s -> s.resourceType("security-group-rule").tags(tags)));
        }
    }

    private static void describe(AwsContext ctx, String groupId, IpPermission p, boolean ingress) {
        if (ingress) {
            ctx.aws().ec2().updateSecurityGroupRuleDescriptionsIngress(r -> r.groupId(groupId).ipPermissions(p));
        } else {
            ctx.aws().ec2().updateSecurityGroupRuleDescriptionsEgress(r -> r.groupId(groupId).ipPermissions(p));
        }
    }

    private static void revoke(AwsContext ctx, String groupId, IpPermission p, boolean ingress) {
        if (ingress) {
            ctx.aws().ec2().revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(p));
        } else {
            ctx.aws().ec2().revokeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(p));
        }
    }

    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new java.util.HashMap<>();
        tags.forEach(t -> out.put(t.key(), t.value()));
        return out;
    }
}
