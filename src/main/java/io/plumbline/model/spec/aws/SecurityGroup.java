package io.plumbline.model.spec.aws;

import java.util.List;

/** A security group found by name in the VPC whose {@code Name} tag is {@code vpc}. */
public record SecurityGroup(String name, String vpc, String description, List<Rule> ingress, List<Rule> egress) {
    public SecurityGroup {
        ingress = ingress == null ? List.of() : List.copyOf(ingress);
        egress = egress == null ? List.of() : List.copyOf(egress);
    }
}
