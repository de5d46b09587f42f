package io.plumbline.bench;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.plumbline.cluster.ClusterSettings;
import io.plumbline.cluster.FleetReplica;
import io.plumbline.metrics.Metrics;
import io.plumbline.testing.ControlPlane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

/**
 * Failover time of a fleet on a real API server: three replicas share ten environments; the replica holding the
 * most is cut off from the API server (it stops renewing, as a crash), and the time until another replica starts
 * reconciling one of its environments is measured. Ten runs, each with fresh replicas in a fresh namespace; prints
 * the median. Arguments: lease duration, renew deadline and retry period in seconds (default 15 10 2, the
 * service's defaults).
 */
public final class FleetBench {
    private static final int RUNS = 10;
    private static final List<String> ENVIRONMENTS = IntStream.range(0, 10).mapToObj(i -> "env-" + i).toList();

    private FleetBench() {
    }

    public static void main(String[] args) throws Exception {
        Duration lease = Duration.ofMillis((long) (1000 * Double.parseDouble(args.length > 0 ? args[0] : "15")));
        Duration renew = Duration.ofMillis((long) (1000 * Double.parseDouble(args.length > 1 ? args[1] : "10")));
        Duration retry = Duration.ofMillis((long) (1000 * Double.parseDouble(args.length > 2 ? args[2] : "2")));
        List<Long> failovers = new ArrayList<>();
        try (ControlPlane plane = ControlPlane.start(false)) {
            for (int run = 1; run <= RUNS; run++) {
                long ms = failover(plane, new ClusterSettingsFactory(lease, renew, retry));
                failovers.add(ms);
                System.out.printf("run %d: %d ms%n", run, ms);
            }
        }
        List<Long> sorted = failovers.stream().sorted().toList();
        System.out.printf("failover (cut off -> first reconcile by another replica), lease %s, renew deadline %s, "
                        + "retry %s: median %d ms, min %d ms, max %d ms over %d runs (bound: one lease duration "
                        + "after the last renewal, %d ms)%n", lease, renew, retry,
                (sorted.get(RUNS / 2 - 1) + sorted.get(RUNS / 2)) / 2, sorted.get(0), sorted.get(RUNS - 1), RUNS,
                lease.toMillis());
    }

    private record ClusterSettingsFactory(Duration lease, Duration renew, Duration retry) {
        ClusterSettings of(String namespace, String identity) {
            return new ClusterSettings(namespace, identity, lease, renew, retry);
        }
    }

    private static long failover(ControlPlane plane, ClusterSettingsFactory settings) throws Exception {
        String namespace = ControlPlane.uniqueNamespace();
        plane.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
                .endMetadata().build()).create();
        Path state = Files.createTempDirectory("plumbline-fleet-bench");
        Map<String, String> live = new ConcurrentHashMap<>();
        List<FleetReplica.Run> timeline = new CopyOnWriteArrayList<>();
        List<FleetReplica> replicas = new ArrayList<>();
        for (String name : List.of("plumbline-a", "plumbline-b", "plumbline-c")) {
            replicas.add(new FleetReplica(name, plane.kubeconfig(), settings.of(namespace, name), live, timeline,
                    new Metrics() {
                    }, state));
        }
        try {
            replicas.forEach(FleetReplica::start);
            replicas.forEach(r -> r.handOver(FleetReplica.commit(1, ENVIRONMENTS)));
            await().atMost(Duration.ofMinutes(2)).until(() -> live.size() == ENVIRONMENTS.size());
            FleetReplica cut = FleetReplica.busiest(replicas, ENVIRONMENTS);
            List<String> moved = ENVIRONMENTS.stream().filter(cut.coordinator::owns).toList();
            Instant cutAt = Instant.now();
            cut.cutOff();
            await().atMost(Duration.ofMinutes(2)).until(() -> timeline.stream().anyMatch(r -> takeover(r, moved)
                    && r.outcome().started().isAfter(cutAt)));
            Instant first = timeline.stream().filter(r -> takeover(r, moved) && r.outcome().started().isAfter(cutAt))
                    .map(r -> r.outcome().started()).min(Instant::compareTo).orElseThrow();
            return Duration.between(cutAt, first).toMillis();
        } finally {
            replicas.forEach(FleetReplica::close);
            plane.client().namespaces().withName(namespace).delete();
        }
    }

    private static boolean takeover(FleetReplica.Run run, List<String> moved) {
        return run.outcome().trigger().equals("takeover") && moved.contains(run.outcome().environment());
    }
}
