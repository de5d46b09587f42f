package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;

/** The networks an environment creates and keeps: VPCs with their subnets, gateways and route tables. */
public record Network(List<Vpc> vpcs) {
    public Network {
        vpcs = Lists.of(vpcs);
    }
}
