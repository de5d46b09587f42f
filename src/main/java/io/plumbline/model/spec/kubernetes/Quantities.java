package io.plumbline.model.spec.kubernetes;

/** Kubernetes quantities as written: {@code cpu: 60m}, {@code memory: 64M}. */
public record Quantities(String cpu, String memory) {
}
