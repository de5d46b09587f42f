package io.plumbline.render.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The built-in Kubernetes kinds and the API versions they are served under, as fabric8's model classes
 * declare them. Kinds of other API groups (custom resources) are unknown here and taken on trust.
 */
public final class KindRegistry {
    private static final KindRegistry BUILT_IN = load();

    private final Map<String, Set<String>> versionsByKind;
    private final Set<String> namespaced;

    private KindRegistry(Map<String, Set<String>> versionsByKind, Set<String> namespaced) {
        this.versionsByKind = versionsByKind;
        this.namespaced = namespaced;
    }

    public static KindRegistry builtIn() {
        return BUILT_IN;
    }

    private static KindRegistry load() {
        Map<String, Set<String>> versions = new HashMap<>();
        Set<String> namespaced = new HashSet<>();
        ServiceLoader.load(KubernetesResource.class, KindRegistry.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::type)
                .filter(HasMetadata.class::isAssignableFrom)
                .forEach(type -> {
                    String kind = HasMetadata.getKind(type);
                    String apiVersion = HasMetadata.getApiVersion(type);
                    versions.computeIfAbsent(kind, k -> new TreeSet<>()).add(apiVersion);
                    if (Namespaced.class.isAssignableFrom(type)) {
                        namespaced.add(apiVersion + "/" + kind);
                    }
                });
        return new KindRegistry(versions, namespaced);
    }

    public boolean isKnownKind(String kind) {
        return versionsByKind.containsKey(kind);
    }

    public Set<String> versionsOf(String kind) {
        return versionsByKind.getOrDefault(kind, Set.of());
    }

    public boolean isServed(String apiVersion, String kind) {
        return versionsOf(kind).contains(apiVersion);
    }

    /** Whether objects of this kind live in a namespace; custom resources are assumed to. */
    public boolean isNamespaced(String apiVersion, String kind) {
        return !isServed(apiVersion, kind) || namespaced.contains(apiVersion + "/" + kind);
    }

    /** A custom resource's API version names a group with a dot ({@code monitoring.coreos.com/v1}). */
    public static boolean isCustomGroup(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash > 0 && apiVersion.substring(0, slash).contains(".") && slash < apiVersion.length() - 1;
    }
}
