package io.plumbline.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.plumbline.metrics.MicrometerMetrics;
import io.plumbline.model.RepoFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replicas of a fleet in this JVM share ten environments through Leases on the real API server: each
 * environment is reconciled by exactly one replica, a replica cut off from the API server stops writing and its
 * environments move to the others, and the timeline of every reconcile shows no environment reconciled by two
 * replicas at once. A pull-request head handed to all three gets one plan status per environment.
 */
class FleetIT {
    private static final Duration LEASE = FleetOfThree.LEASE;
    private static final Duration RENEW_DEADLINE = FleetOfThree.RENEW_DEADLINE;
    private static final Duration RETRY = FleetOfThree.RETRY;
    private static final List<String> ENVIRONMENTS = IntStream.range(0, 10).mapToObj(i -> "env-" + i).toList();

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private FleetOfThree fleet;
    private Map<String, String> live;
    private List<FleetReplica.Run> timeline;
    private List<FleetReplica> replicas;

    @TempDir
    Path state;

    @BeforeEach
    void startThreeReplicas() {
        fleet = new FleetOfThree(state, new MicrometerMetrics(registry));
        live = fleet.live;
        timeline = fleet.timeline;
        replicas = fleet.replicas;
    }

    @AfterEach
    void stop() {
        fleet.close();
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
        assertThat(scrape).as("a fleet that keeps its Leases has no Lease errors, lost races included")
                .doesNotContain("plumbline_fleet_lease_errors_total");
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
        // A Lease can be taken a lease duration less a retry period after its holder's last renewal was seen: that
        // renewal was made before the cut and seen at most a retry period after, and the taker looks again right
        // then, so within a lease duration of the cut. Two retry periods more leave room for the calls of the
        // takeover itself on a busy machine.
        await("the others take over").atMost(LEASE.plus(RETRY.multipliedBy(2)))
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

    @Test
    void eachPullRequestPlanIsPostedOnceByTheReplicaThatOwnsTheEnvironment() {
        replicas.forEach(r -> r.handOver(commit(1)));
        await("every environment applied").atMost(Duration.ofSeconds(30))
                .until(() -> ENVIRONMENTS.stream().allMatch(env -> sha(1).equals(live.get(env))));
        // The pull request also brings an environment no replica holds yet: one replica plans it all the same.
        List<String> proposed = new ArrayList<>(ENVIRONMENTS);
        proposed.add("env-new");
        RepoFiles head = FleetReplica.commit(7, proposed, "refs/pull/7/head", "mode: auto");

        replicas.forEach(r -> r.pullRequest(head));

        Map<String, List<String>> planners = new TreeMap<>();
        for (FleetReplica r : replicas) {
            r.statuses.stream().filter(s -> s.startsWith("PLAN " + sha(7) + " "))
                    .forEach(s -> planners.computeIfAbsent(s.split(" ")[2], k -> new ArrayList<>()).add(r.name));
        }
        assertThat(planners.keySet()).containsExactlyInAnyOrderElementsOf(proposed);
        for (String env : ENVIRONMENTS) {
            assertThat(planners.get(env)).as("replicas that posted the plan of " + env).containsExactly(
                    replicas.stream().filter(r -> r.coordinator.owns(env)).findFirst().orElseThrow().name);
        }
        assertThat(planners.get("env-new")).as("replicas that posted the plan of env-new").hasSize(1);
        // Planning wrote nothing anywhere.
        assertThat(live).allSatisfy((env, commit) -> assertThat(commit).isEqualTo(sha(1)));
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
