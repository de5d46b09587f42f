package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.Map;

/**
 * A NAT gateway in a declared subnet, with an Elastic IP of its own (both named {@code name}). Both cost money
 * while they exist, used or not.
 *
 * @param subnet the {@code Name} of a subnet declared in the same VPC; AWS cannot move a NAT gateway
 */
public record NatGateway(String name, String subnet, Map<String, String> tags) {
    public NatGateway {
        tags = Lists.of(tags);
    }
}
