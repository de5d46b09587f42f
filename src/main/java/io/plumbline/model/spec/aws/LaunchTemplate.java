package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;
import java.util.Map;

/**
 * A launch template; a change makes a new version and sets it as the default.
 *
 * @param instanceProfile the name of an IAM instance profile
 * @param securityGroups  names of security groups in the VPC whose {@code Name} tag is {@code vpc}
 * @param tags            tags of the template itself (the marks are added)
 */
public record LaunchTemplate(String name, Image image, String instanceType, String instanceProfile,
                             List<String> securityGroups, String vpc, UserData userData, Map<String, String> tags) {
    public LaunchTemplate {
        securityGroups = Lists.of(securityGroups);
        tags = Lists.of(tags);
    }
}
