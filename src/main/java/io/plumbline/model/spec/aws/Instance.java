package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;
import java.util.Map;

/**
 * An EC2 instance known by its {@code Name} tag, launched from a template or an image into a subnet (by
 * {@code Name} tag) of the VPC {@code vpc}.
 *
 * @param privateIp a fixed private address inside the subnet, optional
 * @param replace   allows changes AWS can only make by terminating the instance (image, subnet, address, template,
 *                  instance profile) or by stopping it (instance type); without it they are refused
 */
public record Instance(String name, String launchTemplate, Image image, String instanceType, String subnet,
                       String vpc, List<String> securityGroups, String privateIp, String instanceProfile,
                       Boolean replace, Map<String, String> tags) {
    public Instance {
        securityGroups = Lists.of(securityGroups);
        replace = replace != null && replace;
        tags = Lists.of(tags);
    }
}
