package io.plumbline.cluster;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.plumbline.metrics.Metrics;
import io.plumbline.testing.ControlPlane;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Three replicas of a fleet in this JVM, {@code plumbline-a}, {@code -b} and {@code -c}, sharing one target and one
 * timeline, their Leases in a namespace of their own on the real API server; started once they see each other.
 */
final class FleetOfThree implements AutoCloseable {
    // Short enough for a test; the same ratios as the service's defaults (15 s, 10 s, 2 s).
    static final Duration LEASE = Duration.ofSeconds(4);
    static final Duration RENEW_DEADLINE = Duration.ofMillis(2700);
    static final Duration RETRY = Duration.ofMillis(400);

    final ControlPlane plane = ControlPlane.shared();
    final String namespace = ControlPlane.uniqueNamespace();
    /** The target system all three write to: environment → the commit its object was written from. */
    final Map<String, String> live = new ConcurrentHashMap<>();
    final List<FleetReplica.Run> timeline = new CopyOnWriteArrayList<>();
    final List<FleetReplica> replicas = new ArrayList<>();

    /** @param metricsOfA what replica a measures with (the others measure nothing) */
    FleetOfThree(Path state, Metrics metricsOfA) {
        plane.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
                .endMetadata().build()).create();
        for (String name : List.of("plumbline-a", "plumbline-b", "plumbline-c")) {
            Metrics metrics = name.equals("plumbline-a") ? metricsOfA : new Metrics() {
            };
            replicas.add(new FleetReplica(name, plane.kubeconfig(), new ClusterSettings(namespace, name, LEASE,
                    RENEW_DEADLINE, RETRY), live, timeline, metrics, state));
        }
        replicas.forEach(FleetReplica::start);
        // Every replica sees the three members before the first commit, so the first owner is the last.
        await("the three replicas see each other").atMost(Duration.ofSeconds(30))
                .until(() -> replicas.stream().allMatch(r -> r.coordinator.members().size() == 3));
    }

    /** The replicas still in the fleet that own {@code environment} now. */
    List<FleetReplica> owners(String environment) {
        return replicas.stream().filter(r -> r.coordinator.owns(environment)).toList();
    }

    @Override
    public void close() {
        replicas.forEach(FleetReplica::close);
        plane.client().namespaces().withName(namespace).delete();
    }
}
