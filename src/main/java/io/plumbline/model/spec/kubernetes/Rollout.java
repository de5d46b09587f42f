package io.plumbline.model.spec.kubernetes;

/** Rolling-update bounds, each a count ({@code 1}) or a percentage ({@code 25%}). */
public record Rollout(String maxSurge, String maxUnavailable) {
}
