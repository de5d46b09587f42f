package io.plumbline.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.plumbline.metrics.Metrics;
import io.plumbline.metrics.MicrometerMetrics;
import io.plumbline.model.RepoFiles;
import io.plumbline.testing.ControlPlane;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replicas of a fleet in this JVM share ten environments through Leases on the real API server: each
 * environment is reconciled by exactly one replica, a replica cut off from the API server stops writing and its
 * environments move to the others, and the timeline of every reconcile shows no environment reconciled by two
 * replicas at once.
 */
class FleetIT {
    // Short enough for a test; the same ratios as the service's defaults (15 s, 10 s, 2 s).
    private static final Duration LEASE = Duration.ofSeconds(4);
    private static final Duration RENEW_DEADLINE = Duration.ofMillis(2700);
    private static final Duration RETRY = Duration.ofMillis(400);
    private static final List<String> ENVIRONMENTS = IntStream.range(0, 10).mapToObj(i -> "env-" + i).toList();

    private final ControlPlane plane = ControlPlane.shared();
    /** The target system all three write to: environment → the commit its object was written from. */
    private final Map<String, String> live = new ConcurrentHashMap<>();
    private final List<FleetReplica.Run> timeline = new CopyOnWriteArrayList<>();
    private final List<FleetReplica> replicas = new ArrayList<>();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private String namespace;

    @TempDir
    Path state;

    @BeforeEach
    void startThreeReplicas() {
        namespace = ControlPlane.uniqueNamespace();
        plane.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
                .endMetadata().build()).create();
        for (String name : List.of("plumbline-a", "plumbline-b", "plumbline-c")) {
            Metrics metrics = name.equals("plumbline-a") ? new MicrometerMetrics(registry) : new Metrics() {
            };
            replicas.add(new FleetReplica(name, plane.kubeconfig(), new ClusterSettings(namespace, name, LEASE,
                    RENEW_DEADLINE, RETRY), live, timeline, metrics, state));
        }
        replicas.forEach(FleetReplica::start);
        // Every replica sees the three members before the first commit, so the first owner is the last.
        await("the three replicas see each other").atMost(Duration.ofSeconds(30))
                .until(() -> replicas.stream().allMatch(r -> r.coordinator.members().size() == 3));
    }

    @AfterEach
    void stop() {
        replicas.forEach(FleetReplica::close);
        plane.client().namespaces().withName(namespace).delete();
    }

    @Test
    void eachEnvironmentHasOneWriterAndMovesWithinALeaseWhenItsReplicaIsCutOff() {
        replicas.forEach(r -> r.handOver(commit(1)));
        await("every environment applied").atMost(Duration.ofSeconds(30))
                .until(() -> ENVIRONMENTS.stream().allMatch(env -> sha(1).equals(live.get(env))));

        for (String env : ENVIRONMENTS) {
            List<String> owners = replicas.stream().filter(r -> r.coordinator.owns(env)).map(r -> r.name).toList();
            assertThat(owners).as("owners of " + env).hasSize(1);
            assertThat(writersOf(env)).as("writers of " + env).containsExactlyElementsOf(owners);
            // The others learn the holder at their next look at the Leases.
            await("every replica names the owner of " + env).atMost(Duration.ofSeconds(10)).until(() -> replicas
                    .stream().allMatch(r -> r.coordinator.owner(env).filter(owners.get(0)::equals).isPresent()));
        }
        assertThat(replicas.stream().mapToInt(r -> r.target.writes.size()).sum()).isEqualTo(ENVIRONMENTS.size());
        FleetReplica a = replicas.get(0);
        String scrape = registry.scrape();
        for (String env : ENVIRONMENTS) {
            assertThat(scrape).contains("plumbline_environment_owned{environment=\"" + env + "\"} "
                    + (a.coordinator.owns(env) ? "1" : "0"));
        }

        // The replica holding the most environments is cut off from the API server; its engine runs on.
        FleetReplica cut = FleetReplica.busiest(replicas, ENVIRONMENTS);
        List<String> moved = ENVIRONMENTS.stream().filter(cut.coordinator::owns).toList();
        assertThat(moved).isNotEmpty();
        Instant cutAt = Instant.now();
        cut.cutOff();
        // A Lease can be taken one lease duration after its holder's last renewal was seen: that renewal was made
        // at most one retry period before the cut and seen at most one later; the taker looks again right then. One
        // more retry period leaves room for the calls of the takeover itself on a busy machine.
        await("the others take over").atMost(LEASE.plus(RETRY.multipliedBy(3)))
                .until(() -> moved.stream().allMatch(env -> replicas.stream().filter(r -> r != cut)
                        .anyMatch(r -> r.coordinator.owns(env) && takenOver(r.name, env))));
        assertThat(moved).allSatisfy(env -> assertThat(cut.coordinator.owns(env)).isFalse());

        // The next commit is handed to all three: the cut-off replica, still named by it, writes nothing.
        replicas.forEach(r -> r.handOver(commit(2)));
        await("every environment applied again").atMost(Duration.ofSeconds(30))
                .until(() -> ENVIRONMENTS.stream().allMatch(env -> sha(2).equals(live.get(env))));
        assertThat(cut.target.writes).allSatisfy(w -> assertThat(w).endsWith("@" + sha(1)));
        assertThat(timeline).filteredOn(run -> run.replica().equals(cut.name))
                .allSatisfy(run -> assertThat(run.outcome().started()).isBefore(cutAt.plus(RENEW_DEADLINE)));
        assertNoEnvironmentReconciledTwiceAtOnce();
    }

    @Test
    void aReplicaThatStopsHandsItsEnvironmentsOverAtOnce() {
        replicas.forEach(r -> r.handOver(commit(1)));
        await("every environment applied").atMost(Duration.ofSeconds(30))
                .until(() -> ENVIRONMENTS.stream().allMatch(env -> sha(1).equals(live.get(env))));
        FleetReplica leaving = replicas.stream().filter(r -> ENVIRONMENTS.stream().anyMatch(r.coordinator::owns))
                .findFirst().orElseThrow();
        List<String> moved = ENVIRONMENTS.stream().filter(leaving.coordinator::owns).toList();

        leaving.close();
        replicas.remove(leaving);
        // Handed over, not expired: taken at the others' next looks, well before a lease duration.
        await("the others take over").atMost(RENEW_DEADLINE)
                .until(() -> moved.stream().allMatch(env -> replicas.stream().anyMatch(r -> r.coordinator.owns(env)
                        && takenOver(r.name, env))));
        assertNoEnvironmentReconciledTwiceAtOnce();
    }

    private List<String> writersOf(String env) {
        return replicas.stream().filter(r -> r.target.writes.stream().anyMatch(w -> w.startsWith(env + "@")))
                .map(r -> r.name).toList();
    }

    private boolean takenOver(String replica, String env) {
        return timeline.stream().anyMatch(run -> run.replica().equals(replica)
                && run.outcome().environment().equals(env) && run.outcome().trigger().equals("takeover"));
    }

    /** For each environment, the reconciles of different replicas never overlap in time. */
    private void assertNoEnvironmentReconciledTwiceAtOnce() {
        for (String env : ENVIRONMENTS) {
            List<FleetReplica.Run> runs = timeline.stream().filter(r -> r.outcome().environment().equals(env))
                    .sorted(Comparator.comparing(r -> r.outcome().started())).toList();
            for (int i = 1; i < runs.size(); i++) {
                FleetReplica.Run before = runs.get(i - 1);
                FleetReplica.Run after = runs.get(i);
                if (!before.replica().equals(after.replica())) {
                    assertThat(after.outcome().started()).as(env + ": " + after.replica() + " started while "
                            + before.replica() + " ran").isAfterOrEqualTo(before.outcome().finished());
                }
            }
        }
    }

    private static String sha(int n) {
        return FleetReplica.sha(n);
    }

    private static RepoFiles commit(int n) {
        return FleetReplica.commit(n, ENVIRONMENTS);
    }
}
