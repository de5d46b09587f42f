package io.plumbline.model.spec.kubernetes;

public record Probes(Probe readiness, Probe liveness) {
}
