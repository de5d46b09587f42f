package io.plumbline.model.spec.kubernetes;

/** A HorizontalPodAutoscaler on CPU utilisation. */
public record Autoscale(int min, int max, int cpuPercent) {
}
