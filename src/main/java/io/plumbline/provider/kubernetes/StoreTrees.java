package io.plumbline.provider.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.plumbline.render.kubernetes.Nodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The objects of watch stores as plain trees, each converted once per resourceVersion: an object at the same
 * resourceVersion is the same object, and a drift check reads every object of its namespaces (and every namespace)
 * each time, where converting them through JSON cost more than the rest of the check. Any change to an object gives
 * it a new resourceVersion, so it is converted again.
 *
 * <p>The trees are shared: every read at the same resourceVersion hands out the same tree, read-only
 * ({@link Nodes#readOnly}), so no reader can change what the next one sees and none pays for a copy it does not
 * change. A read hands out only what its filter keeps, and the filter sees the shared tree: what other
 * environments own costs a reader a look, not a copy. Not thread-safe: the watch cache calls it under its lock.
 */
final class StoreTrees {
    private final Cluster cluster;
    /** scope → uid → the tree at one resourceVersion; only objects the scope's last read saw are kept. */
    private final Map<String, Map<String, Converted>> byScope = new HashMap<>();
    private long conversions;
    private long handedOut;

    StoreTrees(Cluster cluster) {
        this.cluster = cluster;
    }

    private record Converted(String resourceVersion, Map<String, Object> tree) {
    }

    /** The scope is watched no more: its trees go. */
    void forget(String scope) {
        byScope.remove(scope);
    }

    /** The read-only trees of the {@code items} of one scope that {@code keep} accepts. */
    List<Map<String, Object>> trees(String scope, List<GenericKubernetesResource> items, String apiVersion,
                                    String kind, Predicate<Map<String, Object>> keep) {
        Map<String, Converted> before = byScope.getOrDefault(scope, Map.of());
        Map<String, Converted> now = new HashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (GenericKubernetesResource item : items) {
            String uid = item.getMetadata() == null ? null : item.getMetadata().getUid();
            String version = uid == null ? null : item.getMetadata().getResourceVersion();
            Converted found = before.get(uid);
            if (found == null || version == null || !version.equals(found.resourceVersion())) {
                conversions++;
                found = new Converted(version,
                        Nodes.readOnly(cluster.trees(List.of(item), apiVersion, kind).get(0)));
            }
            if (uid != null && version != null) {
                now.put(uid, found);
            }
            if (keep.test(found.tree())) {
                handedOut++;
                out.add(found.tree());
            }
        }
        byScope.put(scope, now);
        return out;
    }

    /** Objects converted so far (a read of unchanged objects converts none). */
    long conversions() {
        return conversions;
    }

    /** Trees handed to readers so far: only those their filters kept. */
    long handedOut() {
        return handedOut;
    }
}
