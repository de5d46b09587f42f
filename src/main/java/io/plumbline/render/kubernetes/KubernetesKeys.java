package io.plumbline.render.kubernetes;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ResourceKey;
import java.util.Map;

/**
 * Keys of Kubernetes objects: {@code kubernetes apps/v1/Deployment example/frontend}. The kind part is
 * {@code <apiVersion>/<kind>}, so it says exactly which API serves the object.
 */
public final class KubernetesKeys {
    public static final String PROVIDER = "kubernetes";

    private KubernetesKeys() {
    }

    /** Whether the environment declares anything for Kubernetes (the file alone says so; no client is needed). */
    public static boolean declaredIn(LoadedEnvironment env) {
        return env.environment().spec().kubernetes() != null;
    }

    public static ResourceKey of(String apiVersion, String kind, String namespace, String name) {
        return ResourceKey.of(PROVIDER, apiVersion + "/" + kind, namespace, name);
    }

    /** The key of an object body that has apiVersion, kind and metadata.name (namespace optional). */
    public static ResourceKey of(Map<String, Object> body) {
        Map<?, ?> metadata = (Map<?, ?>) body.get("metadata");
        Object namespace = metadata.get("namespace");
        return of((String) body.get("apiVersion"), (String) body.get("kind"),
                namespace == null ? "" : namespace.toString(), (String) metadata.get("name"));
    }

    public static String apiVersion(ResourceKey key) {
        return key.kind().substring(0, key.kind().lastIndexOf('/'));
    }

    public static String kind(ResourceKey key) {
        return key.kind().substring(key.kind().lastIndexOf('/') + 1);
    }
}
