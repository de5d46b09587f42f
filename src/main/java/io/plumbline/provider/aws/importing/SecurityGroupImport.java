package io.plumbline.provider.aws.importing;

import io.plumbline.importer.Commented;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * The security groups of a VPC with their rules, each group {@code adopt: true} and not {@code exclusive}: a rule the
 * file cannot say (a prefix list, a group of another VPC or account) stays on the group as "not managed here" rather
 * than being removed. The VPC's {@code default} group and AWS's default egress rule (all traffic anywhere) are left
 * as AWS made them.
 */
final class SecurityGroupImport {
    private static final Pattern DESCRIPTION = Pattern.compile("[A-Za-z0-9 ._:/()#,@\\[\\]+=&;{}!$*-]*");
    private final Ec2Client ec2;
    private final Collected collected;

    SecurityGroupImport(Ec2Client ec2, Collected collected) {
        this.ec2 = ec2;
        this.collected = collected;
    }

    List<Object> groups(String vpcId, String vpcName) {
        List<SecurityGroup> groups = ec2.describeSecurityGroupsPaginator(r -> r.filters(Filter.builder()
                .name("vpc-id").values(vpcId).build())).securityGroups().stream().toList();
        Map<String, String> names = new HashMap<>();
        groups.forEach(g -> names.put(g.groupId(), g.groupName()));
        List<Object> out = new ArrayList<>();
        for (SecurityGroup g : groups) {
            if (g.groupName().equals("default")) {
                continue;
            }
            if (!Ec2Names.declarable(g.groupName())) {
                collected.leave("security group " + g.groupId(), "its name " + g.groupName() + " is not one the"
                        + " file can hold");
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", g.groupName());
            body.put("vpc", vpcName);
            body.put("description", DESCRIPTION.matcher(g.description()).matches() ? g.description() : null);
            body.put("ingress", rules(g, g.ipPermissions(), "from", names));
            body.put("egress", rules(g, g.ipPermissionsEgress().stream().filter(p -> !allEverywhere(p)).toList(), "to",
                    names));
            body.put("tags", Ec2Names.tags(g.tags(), Tag::key, Tag::value));
            body.put("adopt", true);
            out.add(new Commented(g.groupId(), body));
            collected.count("security group");
        }
        return out;
    }

    private List<Object> rules(SecurityGroup g, List<IpPermission> permissions, String side, Map<String, String> names) {
        List<Object> out = new ArrayList<>();
        for (IpPermission p : permissions) {
            String protocol = switch (p.ipProtocol()) {
                case "-1" -> "all";
                case "tcp", "udp", "icmp" -> p.ipProtocol();
                default -> null;
            };
            if (protocol == null || !p.prefixListIds().isEmpty()) {
                collected.leave("a rule of security group " + g.groupName() + " (" + p.ipProtocol() + ")",
                        "a protocol or prefix list the file cannot say; it stays on the group, not managed here");
                continue;
            }
            for (IpRange range : p.ipRanges()) {
                out.add(rule(protocol, p, side, range.cidrIp(), range.description()));
            }
            for (Ipv6Range range : p.ipv6Ranges()) {
                out.add(rule(protocol, p, side, range.cidrIpv6(), range.description()));
            }
            for (UserIdGroupPair pair : p.userIdGroupPairs()) {
                String other = names.get(pair.groupId());
                if (other == null) {
                    collected.leave("a rule of security group " + g.groupName() + " with " + pair.groupId(),
                            "a group outside the VPC read; it stays on the group, not managed here");
                    continue;
                }
                out.add(rule(protocol, p, side, "sg:" + other, pair.description()));
            }
        }
        collected.counts.merge("security group rule", out.size(), Integer::sum);
        return out.isEmpty() ? null : out;
    }

    private static Map<String, Object> rule(String protocol, IpPermission p, String side, String peer,
                                            String description) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("protocol", protocol);
        if (!protocol.equals("all")) {
            rule.put("port", p.fromPort());
            rule.put("toPort", p.toPort() != null && !p.toPort().equals(p.fromPort()) ? p.toPort() : null);
        }
        rule.put(side, peer);
        rule.put("description", description != null && DESCRIPTION.matcher(description).matches() ? description : null);
        return rule;
    }

    private static boolean allEverywhere(IpPermission p) {
        return "-1".equals(p.ipProtocol()) && p.userIdGroupPairs().isEmpty() && p.ipv6Ranges().isEmpty()
                && p.ipRanges().size() == 1 && "0.0.0.0/0".equals(p.ipRanges().get(0).cidrIp());
    }
}
