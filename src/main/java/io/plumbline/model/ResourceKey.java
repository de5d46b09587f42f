package io.plumbline.model;

import java.util.Comparator;

/**
 * Identifies one managed object across providers, for example
 * {@code kubernetes apps/v1/Deployment example/frontend} or {@code aws SecurityGroupRule k8s-master/tcp:22:sg:ssh-bastion}.
 *
 * @param namespace a scope inside the provider (a Kubernetes namespace, an AWS zone or group); empty when none
 */
public record ResourceKey(String provider, String kind, String namespace, String name) implements Comparable<ResourceKey> {
    private static final Comparator<ResourceKey> ORDER = Comparator.comparing(ResourceKey::provider)
            .thenComparing(ResourceKey::kind).thenComparing(ResourceKey::namespace).thenComparing(ResourceKey::name);

    public ResourceKey {
        namespace = namespace == null ? "" : namespace;
    }

    public static ResourceKey of(String provider, String kind, String namespace, String name) {
        return new ResourceKey(provider, kind, namespace, name);
    }

    @Override
    public int compareTo(ResourceKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return provider + " " + kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }
}
