package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;
import java.util.Map;

/**
 * A security group found (or created) by name in the VPC whose {@code Name} tag is {@code vpc}.
 *
 * @param description used when Plumbline creates the group; AWS cannot change it later
 * @param tags        further tags of a group Plumbline creates or has adopted
 * @param exclusive   every rule of the group is Plumbline's: rules added by hand are revoked
 * @param adopt       take over a group of this name that exists without Plumbline's marks
 */
public record SecurityGroup(String name, String vpc, String description, Map<String, String> tags,
                            List<Rule> ingress, List<Rule> egress, Boolean exclusive, Boolean adopt) {
    public SecurityGroup {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        ingress = Lists.of(ingress);
        egress = Lists.of(egress);
        exclusive = exclusive != null && exclusive;
        adopt = adopt != null && adopt;
    }
}
