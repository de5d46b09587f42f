package io.plumbline.provider.aws.ec2;

import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.model.spec.aws.AwsSpec;
import io.plumbline.provider.aws.Lookup;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Vpc;

/** Finds security groups by name in the VPC whose {@code Name} tag the environment gives, and back. */
final class DeclaredGroups {
    private final Lookup lookup;
    private final AwsSpec spec;

    DeclaredGroups(AwsContext ctx) {
        this.lookup = ctx.lookup();
        this.spec = ctx.spec();
    }

    /** The declared group, or a clear error: a declared group is created before its rules are authorised. */
    SecurityGroup group(String name) {
        String vpcName = lookup.declaredGroupVpcs().get(name);
        return find(vpcName, name).orElseThrow(() -> ProviderException.refused("aws: security group " + name
                + " not found in the VPC tagged Name=" + vpcName + "; it should have been created first"));
    }

    Optional<SecurityGroup> find(String vpcName, String name) {
        Vpc vpc = lookup.vpcs().get(vpcName);
        if (vpc == null && spec.network() != null
                && spec.network().vpcs().stream().anyMatch(v -> v.name().equals(vpcName))) {
            return Optional.empty(); // the network is created by the same apply, before its groups
        }
        if (vpc == null) {
            throw ProviderException.refused("aws: no VPC tagged Name=" + vpcName
                    + " (named by spec.aws.securityGroups)");
        }
        return lookup.securityGroups().stream()
                .filter(g -> g.vpcId().equals(vpc.vpcId()) && g.groupName().equals(name)).findFirst();
    }

    /** A peer as environments spell it: {@code sg:<name>} for groups of the same VPC, else {@code sg:<id>}. */
    String peerName(String groupId) {
        Map<String, String> names = new java.util.HashMap<>();
        lookup.securityGroups().forEach(g -> names.put(g.groupId(), g.groupName()));
        return "sg:" + names.getOrDefault(groupId, groupId);
    }

    /** The id of a peer group named {@code sg:<name>} in the same VPC as {@code group}. */
    String peerId(SecurityGroup group, String peer) {
        String name = peer.substring("sg:".length());
        if (name.startsWith("sg-")) {
            return name;
        }
        return lookup.securityGroups().stream().filter(g -> g.vpcId().equals(group.vpcId())
                        && g.groupName().equals(name)).map(SecurityGroup::groupId).findFirst()
                .orElseThrow(() -> ProviderException.refused("aws: security group " + name + " (peer of a rule of "
                        + group.groupName() + ") not found in " + group.vpcId()));
    }
}
