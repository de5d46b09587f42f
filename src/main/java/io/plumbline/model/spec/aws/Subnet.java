package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.Map;

/**
 * A subnet of a declared VPC, by its {@code Name} tag.
 *
 * @param zone   the availability zone; AWS cannot move a subnet
 * @param cidr   the IPv4 block inside the VPC's; AWS cannot change it in place
 * @param public instances launched in it get a public IP address
 */
public record Subnet(String name, String zone, String cidr, Boolean isPublic, Map<String, String> tags) {
    public Subnet {
        isPublic = isPublic != null && isPublic;
        tags = Lists.of(tags);
    }
}
