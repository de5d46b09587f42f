package io.plumbline.provider.kubernetes;

import io.plumbline.model.Health;
import java.util.Map;
import java.util.Set;

/** The kinds whose rollouts are waited for after an apply, and how each one's health is judged. */
final class Workloads {
    static final Set<String> KINDS = Set.of(KubernetesPlanner.DEPLOYMENT, "apps/v1/StatefulSet", "apps/v1/DaemonSet");

    private Workloads() {
    }

    /** @param kind the short kind, e.g. {@code StatefulSet} */
    static Health health(String kind, Map<String, Object> body) {
        return switch (kind) {
            case "StatefulSet" -> StatefulSetHealth.of(body);
            case "DaemonSet" -> DaemonSetHealth.of(body);
            default -> DeploymentHealth.of(body);
        };
    }

    static String shortKind(String kind) {
        return kind.substring(kind.lastIndexOf('/') + 1);
    }
}
