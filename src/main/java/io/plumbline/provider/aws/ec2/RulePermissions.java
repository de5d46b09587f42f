package io.plumbline.provider.aws.ec2;

import io.plumbline.render.aws.RuleNames;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/** Translates between a rule's body and the EC2 permission that grants exactly that rule. */
final class RulePermissions {
    private RulePermissions() {
    }

    /** @param withDescription revoking matches rules without their description */
    static IpPermission permission(DeclaredGroups groups, SecurityGroup group, Map<String, Object> body,
                                   boolean withDescription) {
        String protocol = (String) body.get("protocol");
        String peer = (String) body.get("peer");
        String description = withDescription ? (String) body.get("description") : null;
        IpPermission.Builder p = IpPermission.builder().ipProtocol(RuleNames.awsProtocol(protocol));
        if (!"all".equals(protocol)) {
            p.fromPort(((Number) body.get("fromPort")).intValue()).toPort(((Number) body.get("toPort")).intValue());
        }
        if (peer.startsWith("sg:")) {
            p.userIdGroupPairs(u -> u.groupId(groups.peerId(group, peer)).description(description));
        } else if (peer.startsWith("pl:")) {
            p.prefixListIds(l -> l.prefixListId(peer.substring(3)).description(description));
        } else if (peer.contains(":")) {
            p.ipv6Ranges(r -> r.cidrIpv6(peer).description(description));
        } else {
            p.ipRanges(r -> r.cidrIp(peer).description(description));
        }
        return p.build();
    }
}
