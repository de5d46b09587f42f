package io.plumbline.provider.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.plumbline.model.ResourceKey;
import io.plumbline.render.kubernetes.KubernetesKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The objects of the kinds and namespaces Plumbline looks at, as watches keep them: the first read of a kind and namespace lists it once and opens a
 * watch; later reads cost no call at all. A watch stays open while a reader needs it: each observe of an environment
 * at a ref ({@link #readFor}) says which kinds and namespaces it listed, and a watch no reader listed last time is
 * closed (an environment that dropped a namespace, one that left, a pull request's plan that is done). A store that does not yet show one of this provider's own writes is
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
    /** Per reader (an environment at a ref), the scopes its last observe listed. */
    private final Map<String, Set<String>> readers = new HashMap<>();
    /** The scopes the observe on this thread lists, while one runs through {@link #readFor}. */
    private final ThreadLocal<Set<String>> listing = new ThreadLocal<>();
    /** The scopes of the observes under way: not closed under a reader that has not finished. */
    private final List<Set<String>> underWay = new ArrayList<>();

    WatchCache(Cluster cluster) {
        this.cluster = cluster;
        this.trees = new StoreTrees(cluster);
    }

    /** {@inheritDoc} The trees are shared with later reads: see {@link StoreTrees}. */
    @Override
    public synchronized List<Map<String, Object>> list(String apiVersion, String kind, String namespace,
                                                       Predicate<Map<String, Object>> keep) {
        unseen.putAll(cluster.takeRecentWrites());
        String scope = apiVersion + "/" + kind + " " + namespace;
        Optional.ofNullable(listing.get()).ifPresent(scopes -> scopes.add(scope));
        SharedIndexInformer<GenericKubernetesResource> informer = informers.get(scope);
        if (informer != null) {
            List<GenericKubernetesResource> stored = informer.getStore().list();
            if (settle(stored, apiVersion, kind, namespace)) {
                return trees.trees(scope, stored, apiVersion, kind, keep);
            }
            informer.stop();
        }
        // a store that starts now shows every write made before it
        unseen.keySet().removeIf(k -> inScope(k, apiVersion, kind, namespace));
        informer = cluster.inform(apiVersion, kind, namespace);
        informers.put(scope, informer);
        return trees.trees(scope, informer.getStore().list(), apiVersion, kind, keep);
    }

    /**
     * Forgets the writes the stored objects already show; true when none in this scope is left unseen. Judged on
     * every stored object, not only on those a reader keeps: the writes are those of every environment.
     */
    private boolean settle(List<GenericKubernetesResource> stored, String apiVersion, String kind,
                           String namespace) {
        if (unseen.keySet().stream().noneMatch(k -> inScope(k, apiVersion, kind, namespace))) {
            return true;
        }
        Map<ResourceKey, String> versions = new HashMap<>();
        stored.forEach(item -> versions.put(KubernetesKeys.of(apiVersion, kind,
                item.getMetadata().getNamespace() == null ? "" : item.getMetadata().getNamespace(),
                item.getMetadata().getName()), String.valueOf(item.getMetadata().getResourceVersion())));
        unseen.entrySet().removeIf(e -> inScope(e.getKey(), apiVersion, kind, namespace)
                && (Cluster.DELETED.equals(e.getValue()) ? !versions.containsKey(e.getKey())
                        : e.getValue().equals(versions.get(e.getKey()))));
        return unseen.keySet().stream().noneMatch(k -> inScope(k, apiVersion, kind, namespace));
    }

    private static boolean inScope(ResourceKey key, String apiVersion, String kind, String namespace) {
        return key.kind().equals(apiVersion + "/" + kind) && key.namespace().equals(namespace);
    }

    /** Runs one observe of {@code reader}; afterwards only the watches some reader listed last time stay open. */
    <T> T readFor(String reader, Supplier<T> observe) {
        Set<String> scopes = new HashSet<>();
        synchronized (this) {
            underWay.add(scopes);
        }
        listing.set(scopes);
        try {
            return observe.get();
        } finally {
            listing.remove();
            synchronized (this) {
                underWay.remove(scopes);
                readers.put(reader, scopes);
                closeUnread();
            }
        }
    }

    /** The reader is done (a pull request's plan): the watches it alone listed close. */
    synchronized void release(String reader) {
        if (readers.remove(reader) != null) {
            closeUnread();
        }
    }

    /** Every reader {@code matches} accepts is done (an environment that left, at every ref). */
    synchronized void releaseAll(Predicate<String> matches) {
        if (readers.keySet().removeIf(matches)) {
            closeUnread();
        }
    }

    /** The scopes watched now, as {@code apiVersion/kind namespace}. */
    synchronized Set<String> watched() {
        return Set.copyOf(informers.keySet());
    }

    private void closeUnread() {
        Set<String> read = new HashSet<>();
        readers.values().forEach(read::addAll);
        underWay.forEach(read::addAll);
        informers.entrySet().removeIf(e -> {
            if (read.contains(e.getKey())) {
                return false;
            }
            e.getValue().stop();
            trees.forget(e.getKey());
            return true;
        });
    }

    /** Objects converted to trees so far: an unchanged object is converted once, not on every read. */
    synchronized long conversions() {
        return trees.conversions();
    }

    /** Trees handed to readers so far: only the objects their filters kept. */
    synchronized long handedOut() {
        return trees.handedOut();
    }

    @Override
    public void close() {
        informers.values().forEach(SharedIndexInformer::stop);
        informers.clear();
    }
}
