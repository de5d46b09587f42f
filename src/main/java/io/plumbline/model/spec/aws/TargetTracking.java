package io.plumbline.model.spec.aws;

/** @param metric a predefined metric such as {@code ASGAverageCPUUtilization} */
public record TargetTracking(String name, String metric, double target, Boolean disableScaleIn) {
    public TargetTracking {
        disableScaleIn = disableScaleIn != null && disableScaleIn;
    }
}
