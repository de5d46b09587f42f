package io.plumbline.provider.kubernetes;

import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.render.kubernetes.KubernetesKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The safe order of writes: namespaces, then configuration, then workloads, then what routes to them, then
 * autoscalers; deletions after all of that, in the reverse order, so nothing points at what is already gone.
 */
final class ApplyOrder {
    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("Namespace", 0), Map.entry("CustomResourceDefinition", 0),
            Map.entry("ServiceAccount", 1), Map.entry("ConfigMap", 1), Map.entry("Secret", 1),
            Map.entry("Role", 1), Map.entry("ClusterRole", 1), Map.entry("RoleBinding", 1),
            Map.entry("ClusterRoleBinding", 1), Map.entry("PersistentVolumeClaim", 1), Map.entry("LimitRange", 1),
            Map.entry("ResourceQuota", 1), Map.entry("NetworkPolicy", 1), Map.entry("StorageClass", 1),
            Map.entry("Deployment", 2), Map.entry("StatefulSet", 2), Map.entry("DaemonSet", 2),
            Map.entry("ReplicaSet", 2), Map.entry("Job", 2), Map.entry("CronJob", 2), Map.entry("Pod", 2),
            Map.entry("PodDisruptionBudget", 2),
            Map.entry("Service", 3), Map.entry("Ingress", 3),
            Map.entry("HorizontalPodAutoscaler", 4));
    /** Custom resources and other kinds go after the built-in workloads, which they usually extend. */
    private static final int OTHER = 3;

    private ApplyOrder() {
    }

    static int rank(Change change) {
        return RANK.getOrDefault(KubernetesKeys.kind(change.key()), OTHER);
    }

    /** Ordered writes cut where the rank or the direction (upsert, delete) changes. */
    static List<List<Change>> ranks(List<Change> ordered) {
        List<List<Change>> out = new ArrayList<>();
        for (Change c : ordered) {
            List<Change> last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last == null || rank(last.get(0)) != rank(c)
                    || (last.get(0).action() == Action.DELETE) != (c.action() == Action.DELETE)) {
                last = new ArrayList<>();
                out.add(last);
            }
            last.add(c);
        }
        return out;
    }

    /** The writes of a plan in the order to apply them. */
    static List<Change> writes(List<Change> changes) {
        Stream<Change> upserts = changes.stream().filter(c -> c.action() == Action.CREATE || c.action() == Action.UPDATE)
                .sorted(Comparator.comparingInt(ApplyOrder::rank));
        Stream<Change> deletes = changes.stream().filter(c -> c.action() == Action.DELETE)
                .sorted(Comparator.comparingInt(ApplyOrder::rank).reversed());
        return Stream.concat(upserts, deletes).toList();
    }
}
