package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;

/** A security group found by name in the VPC whose {@code Name} tag is {@code vpc}. */
public record SecurityGroup(String name, String vpc, String description, List<Rule> ingress, List<Rule> egress) {
    public SecurityGroup {
        ingress = Lists.of(ingress);
        egress = Lists.of(egress);
    }
}
