package io.plumbline.provider.aws.ec2;

import io.plumbline.model.Marks;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.model.spec.aws.SecurityGroup;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsMarks;
import io.plumbline.provider.aws.Lookup;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.aws.RuleNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/**
 * Reads security-group rules with two DescribeSecurityGroupRules calls: every rule of the declared groups (only when
 * the environment declares groups), and every rule anywhere that carries the environment tag, of any environment,
 * shared by the environments of the account ({@link EnvironmentTag}), of which this environment keeps its own (rules
 * of a group no longer declared). A rule is owned when it carries the marks; egress rules of a group are read only
 * when it declares egress or they are owned.
 */
final class RuleReader {
    /** The name of the shared read of every rule carrying the environment tag, of any environment. */
    private static final String TAGGED = "security group rules tagged " + Marks.AWS_ENVIRONMENT_TAG
            + " (any environment)";

    private RuleReader() {
    }

    static List<Resource> read(AwsContext ctx, DeclaredGroups groups) {
        Map<String, SecurityGroup> declared = new HashMap<>();
        for (SecurityGroup g : ctx.spec().securityGroups()) {
            groups.find(g.vpc(), g.name()).ifPresent(found -> declared.put(found.groupId(), g));
        }
        Map<String, SecurityGroupRule> rules = new LinkedHashMap<>();
        if (!declared.isEmpty()) {
            ctx.aws().ec2().describeSecurityGroupRulesPaginator(r -> r.filters(Lookup.filter("group-id",
                    declared.keySet()))).securityGroupRules().forEach(r -> rules.put(r.securityGroupRuleId(), r));
        }
        ctx.lookup().<List<SecurityGroupRule>>accountWide(TAGGED, () -> ctx.aws().ec2()
                .describeSecurityGroupRulesPaginator(r -> r.filters(EnvironmentTag.ANY_ENVIRONMENT))
                .securityGroupRules().stream().toList()).stream()
                .filter(r -> ctx.marked(AwsMarks.ec2(r.tags())))
                .forEach(r -> rules.put(r.securityGroupRuleId(), r));
        Map<String, String> names = ctx.lookup().securityGroups().stream().collect(Collectors.toMap(
                g -> g.groupId(), g -> g.groupName(), (a, b) -> a));
        List<Resource> out = new ArrayList<>();
        for (SecurityGroupRule r : rules.values()) {
            boolean owned = ctx.owned(AwsMarks.ec2(r.tags()));
            SecurityGroup group = declared.get(r.groupId());
            boolean egressManaged = group != null && !group.egress().isEmpty();
            if (Boolean.TRUE.equals(r.isEgress()) && !egressManaged && !owned) {
                continue;
            }
            out.add(resource(groups, names.getOrDefault(r.groupId(), r.groupId()), r, owned));
        }
        return out;
    }

    private static Resource resource(DeclaredGroups groups, String group, SecurityGroupRule r, boolean owned) {
        String direction = Boolean.TRUE.equals(r.isEgress()) ? "egress" : "ingress";
        String protocol = RuleNames.protocol(r.ipProtocol());
        boolean all = "all".equals(protocol);
        int from = all || r.fromPort() == null ? -1 : r.fromPort();
        int to = all || r.toPort() == null ? -1 : r.toPort();
        String peer = peer(groups, r);
        Map<String, Object> body = new LinkedHashMap<>(RuleNames.body(direction, protocol, from, to, peer,
                r.description()));
        body.put("ruleId", r.securityGroupRuleId());
        body.put("groupId", r.groupId());
        return new Resource(ResourceKey.of(AwsKinds.PROVIDER, AwsKinds.SECURITY_GROUP_RULE, group,
                RuleNames.name(direction, protocol, from, to, peer)), body, owned);
    }

    private static String peer(DeclaredGroups groups, SecurityGroupRule r) {
        if (r.referencedGroupInfo() != null && r.referencedGroupInfo().groupId() != null) {
            return groups.peerName(r.referencedGroupInfo().groupId());
        }
        if (r.prefixListId() != null) {
            return "pl:" + r.prefixListId();
        }
        return r.cidrIpv4() != null ? r.cidrIpv4() : r.cidrIpv6();
    }

}
