package io.plumbline.provider.aws.ec2;

import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.Resource;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.model.ObjectResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The ingress and egress rules of security groups. Plumbline authorises declared rules with its marks (rule tags)
 * and revokes, when pruning is on, the marked rules no longer declared, in declared groups or not. Rules without
 * the marks are left alone unless their group is declared exclusive. Egress is managed only for groups that declare
 * egress rules, so the default allow-all egress of a group is left alone otherwise.
 */
public final class SecurityGroupRules implements AwsKind {

    @Override
    public String kind() {
        return AwsKinds.SECURITY_GROUP_RULE;
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        return RuleReader.read(ctx, new DeclaredGroups(ctx));
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
        if (change.action() == Action.DELETE) {
            revoke(ctx, change.actual().body());
            return;
        }
        DeclaredGroups groups = new DeclaredGroups(ctx);
        var group = groups.group(change.key().namespace());
        IpPermission permission = RulePermissions.permission(groups, group, change.desired().body(), true);
        boolean ingress = "ingress".equals(change.desired().body().get("direction"));
        if (change.action() == Action.CREATE) {
            authorize(ctx, group.groupId(), List.of(permission), ingress);
            return;
        }
        if (change.fields().stream().anyMatch(f -> f.path().equals("description"))) {
            describe(ctx, group.groupId(), permission, ingress);
        }
        if (!change.actual().owned()) {
            String ruleId = (String) change.actual().body().get("ruleId");
            ctx.aws().ec2().createTags(r -> r.resources(ruleId).tags(markTags(ctx)));
        }
    }

    private static List<Tag> markTags(AwsContext ctx) {
        return ctx.ownershipTags().entrySet().stream()
                .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
    }

    private static void authorize(AwsContext ctx, String groupId, List<IpPermission> p, boolean ingress) {
        List<Tag> tags = markTags(ctx);
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

    /** Revokes by rule id, which names exactly one rule whatever its description says. */
    private static void revoke(AwsContext ctx, Map<String, Object> rule) {
        String groupId = (String) rule.get("groupId");
        String ruleId = (String) rule.get("ruleId");
        if ("ingress".equals(rule.get("direction"))) {
            ctx.aws().ec2().revokeSecurityGroupIngress(r -> r.groupId(groupId).securityGroupRuleIds(ruleId));
        } else {
            ctx.aws().ec2().revokeSecurityGroupEgress(r -> r.groupId(groupId).securityGroupRuleIds(ruleId));
        }
    }
}
