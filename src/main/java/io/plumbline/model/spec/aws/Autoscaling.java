package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;

public record Autoscaling(List<AutoScalingGroup> groups) {
    public Autoscaling {
        groups = Lists.of(groups);
    }
}
