package io.plumbline.model.spec.aws;

import java.util.List;

public record Autoscaling(List<AutoScalingGroup> groups) {
    public Autoscaling {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
