package io.plumbline.provider.kubernetes;

import io.plumbline.model.Health;
import io.plumbline.model.ResourceKey;
import io.plumbline.provider.Fence;
import io.plumbline.provider.Poll;
import io.plumbline.render.kubernetes.Nodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Waits until applied Deployments, StatefulSets and DaemonSets have rolled out, or the timeout passes. Each
 * round reads them with one list call per kind and namespace. What is still rolling out at the end is Degraded,
 * with the reason its pods (or a Deployment's ReplicaSets) give when they give one.
 */
final class RolloutWatch {
    private static final Duration FIRST_WAIT = Duration.ofMillis(200);
    private final Cluster cluster;
    private final Duration pollInterval;

    RolloutWatch(Cluster cluster, Duration pollInterval) {
        this.cluster = cluster;
        this.pollInterval = pollInterval;
    }

    /** Reads again until settled or {@code timeout}, checking {@code fence} before and after every pause. */
    Health await(List<ResourceKey> deployments, Duration timeout, Fence fence) {
        if (deployments.isEmpty()) {
            return Health.HEALTHY;
        }
        // Most rollouts of a small change finish in well under a second: look again soon, then back off to the
        // configured interval so a long rollout costs few calls.
        Poll poll = Poll.every(pollInterval).startingAt(FIRST_WAIT).fencedBy(fence);
        AtomicReference<Map<ResourceKey, Map<String, Object>>> last = new AtomicReference<>();
        Optional<Boolean> settled = poll.until(timeout, () -> {
            last.set(read(deployments));
            return settled(deployments, last.get()) ? Optional.of(true) : Optional.empty();
        });
        if (settled.isEmpty() && Thread.currentThread().isInterrupted()) {
            return Health.unknown("interrupted while waiting for rollouts");
        }
        Map<ResourceKey, Map<String, Object>> bodies = last.get();
        List<Health> all = new ArrayList<>();
        for (ResourceKey key : deployments) {
            all.add(verdict(key, bodies.get(key), timeout));
        }
        Health worst = Health.worst(all);
        String reasons = all.stream().filter(h -> !h.isHealthy()).map(Health::reason).collect(Collectors.joining("; "));
        return new Health(worst.status(), reasons);
    }

    private static boolean settled(List<ResourceKey> deployments, Map<ResourceKey, Map<String, Object>> bodies) {
        return deployments.stream().map(k -> bodies.get(k) == null ? Health.unknown("")
                        : Workloads.health(Workloads.shortKind(k.kind()), bodies.get(k)))
                .allMatch(h -> h.status() == Health.Status.HEALTHY || h.status() == Health.Status.DEGRADED);
    }

    private Health verdict(ResourceKey key, Map<String, Object> body, Duration timeout) {
        String kind = Workloads.shortKind(key.kind());
        String name = key.namespace() + "/" + key.name();
        if (body == null) {
            return Health.degraded(kind + " " + name + " is gone");
        }
        Health health = Workloads.health(kind, body);
        if (health.isHealthy()) {
            return health;
        }
        String why = health.status() == Health.Status.DEGRADED ? health.reason()
                : "rollout did not complete within " + timeout.toSeconds() + "s (" + health.reason() + ")";
        return Health.degraded(kind + " " + name + ": " + why + podProblem(key, body).map(p -> "; " + p).orElse(""));
    }

    private Map<ResourceKey, Map<String, Object>> read(List<ResourceKey> deployments) {
        Map<ResourceKey, Map<String, Object>> out = new LinkedHashMap<>();
        // One list per kind and namespace, whatever the number of workloads in it.
        Map<String, List<ResourceKey>> byKindAndNamespace = new TreeMap<>(deployments.stream()
                .collect(Collectors.groupingBy(k -> Workloads.shortKind(k.kind()) + "/" + k.namespace())));
        byKindAndNamespace.forEach((kindAndNamespace, keys) -> {
            Map<Object, Map<String, Object>> byName = new LinkedHashMap<>();
            cluster.listOwned("apps/v1", Workloads.shortKind(keys.get(0).kind()), keys.get(0).namespace())
                    .forEach(d -> byName.put(Nodes.at(d, "metadata", "name"), d));
            keys.forEach(k -> out.put(k, byName.get(k.name())));
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private Optional<String> podProblem(ResourceKey key, Map<String, Object> deployment) {
        if (!(Nodes.at(deployment, "spec", "selector", "matchLabels") instanceof Map<?, ?> labels) || labels.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> selector = (Map<String, String>) labels;
        for (Map<String, Object> pod : cluster.list("v1", "Pod", key.namespace(), selector)) {
            Optional<String> problem = PodHealth.problem(pod);
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (!key.kind().equals(KubernetesPlanner.DEPLOYMENT)) {
            return Optional.empty();
        }
        return cluster.list("apps/v1", "ReplicaSet", key.namespace(), selector).stream()
                .map(ReplicaSetHealth::problem).flatMap(Optional::stream).findFirst();
    }
}
