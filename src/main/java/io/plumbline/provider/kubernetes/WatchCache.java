package io.plumbline.provider.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.plumbline.model.ResourceKey;
import io.plumbline.render.kubernetes.KubernetesKeys;
import io.plumbline.render.kubernetes.Nodes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The objects of the kinds and namespaces Plumbline looks at, as watches keep them: the first read of a kind and namespace lists it once and opens a
 * watch; later reads cost no call at all. A store that does not yet show one of this provider's own writes is
 * not trusted: its watch is restarted (a list and a new watch, as a plain list would cost), so a plan never
 * works from a state older than the last apply, even where a server drops events (fabric8's mock sends none for
 * changes made while a watch is being opened).
 */
final class WatchCache implements ObjectSource, AutoCloseable {
    private final Cluster cluster;
    private final Map<String, SharedIndexInformer<GenericKubernetesResource>> informers = new ConcurrentHashMap<>();
    /** Our writes that the stores have not shown yet: resourceVersion written, or {@link Cluster#DELETED}. */
    private final Map<ResourceKey, String> unseen = new HashMap<>();
    private final StoreTrees trees;

    WatchCache(Cluster cluster) {
        this.cluster = cluster;
        this.trees = new StoreTrees(cluster);
    }

    @Override
    public synchronized List<Map<String, Object>> list(String apiVersion, String kind, String namespace) {
        unseen.putAll(cluster.takeRecentWrites());
        String scope = apiVersion + "/" + kind + " " + namespace;
        SharedIndexInformer<GenericKubernetesResource> informer = informers.get(scope);
        if (informer != null) {
            List<Map<String, Object>> cached = trees.trees(scope, informer.getStore().list(), apiVersion, kind);
            if (settle(cached, apiVersion, kind, namespace)) {
                return cached;
            }
            informer.stop();
        }
        // a store that starts now shows every write made before it
        unseen.keySet().removeIf(k -> inScope(k, apiVersion, kind, namespace));
        informer = cluster.inform(apiVersion, kind, namespace);
        informers.put(scope, informer);
        return trees.trees(scope, informer.getStore().list(), apiVersion, kind);
    }

    /** Forgets the writes the cached objects already show; true when none in this scope is left unseen. */
    private boolean settle(List<Map<String, Object>> cached, String apiVersion, String kind, String namespace) {
        Map<ResourceKey, String> versions = new HashMap<>();
        cached.forEach(body -> versions.put(KubernetesKeys.of(body),
                String.valueOf(Nodes.at(body, "metadata", "resourceVersion"))));
        unseen.entrySet().removeIf(e -> inScope(e.getKey(), apiVersion, kind, namespace)
                && (Cluster.DELETED.equals(e.getValue()) ? !versions.containsKey(e.getKey())
                        : e.getValue().equals(versions.get(e.getKey()))));
        return unseen.keySet().stream().noneMatch(k -> inScope(k, apiVersion, kind, namespace));
    }

    private static boolean inScope(ResourceKey key, String apiVersion, String kind, String namespace) {
        return key.kind().equals(apiVersion + "/" + kind) && key.namespace().equals(namespace);
    }

    /** Objects converted to trees so far: an unchanged object is converted once, not on every read. */
    synchronized long conversions() {
        return trees.conversions();
    }

    @Override
    public void close() {
        informers.values().forEach(SharedIndexInformer::stop);
        informers.clear();
    }
}
