package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;

/** EC2 launch templates and instances Plumbline creates and marks. */
public record Compute(List<LaunchTemplate> launchTemplates, List<Instance> instances) {
    public Compute {
        launchTemplates = Lists.of(launchTemplates);
        instances = Lists.of(instances);
    }
}
