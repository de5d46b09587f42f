package io.plumbline.model.spec.kubernetes;

import io.plumbline.model.spec.Lists;
import java.util.List;

/**
 * The Kubernetes part of an environment.
 *
 * @param manifests folders in the repository whose YAML objects are applied as they are
 * @param allow     cluster-scoped kinds and other namespaces the raw manifests may write
 */
public record KubernetesSpec(List<String> namespaces, List<Application> applications, List<String> manifests,
                             List<Allow> allow) {
    public KubernetesSpec {
        namespaces = Lists.of(namespaces);
        applications = Lists.of(applications);
        manifests = Lists.of(manifests);
        allow = Lists.of(allow);
    }

    /**
     * Why raw manifests may not write objects of a cluster-scoped kind ({@code group/Kind}, {@code Kind} alone for
     * the core group), or null when an {@code allow} entry without a namespace names it (or {@code *}).
     */
    public String clusterKindRefusal(String groupKind) {
        boolean allowed = allow.stream()
                .anyMatch(a -> a.namespace() == null && (groupKind.equals(a.kind()) || "*".equals(a.kind())));
        return allowed ? null : "cluster-scoped kind " + groupKind + " is not allowed in this environment; add {kind: "
                + groupKind + "} to spec.kubernetes.allow if it should be";
    }

    /** {@code apps/v1} and {@code Deployment} give {@code apps/Deployment}; {@code v1} gives the kind alone. */
    public static String groupKind(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? kind : apiVersion.substring(0, slash) + "/" + kind;
    }
}
