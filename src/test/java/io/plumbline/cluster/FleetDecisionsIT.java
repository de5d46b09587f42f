package io.plumbline.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.RepoFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's suspension and a rollback's hold follow an environment from replica to replica: its owner keeps them
 * in the environment's Lease, and the replica that takes it over when the owner dies (cut off from the API server,
 * its Leases left to expire) follows them, although its own state folder knows nothing of them.
 */
class FleetDecisionsIT {
    private static final List<String> ENVIRONMENTS = List.of("env-0", "env-1", "env-2", "env-3", "env-4", "env-5");
    private static final String ROLLBACK = "mode: auto, rollback: auto";

    private FleetOfThree fleet;

    @TempDir
    Path state;

    @BeforeEach
    void startThreeReplicas() {
        fleet = new FleetOfThree(state, new Metrics() {
        });
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void aSuspensionMadeOnTheOwnerHoldsOnTheReplicaThatTakesOver() {
        handOver(commit(1, "mode: auto"));
        awaitApplied(ENVIRONMENTS, 1);
        String env = "env-0";
        FleetReplica a = owner(env);
        assertThat(a.environments.suspend(env)).isTrue();
        assertThat(DecisionMarks.of(lease(env)).suspended()).as("kept in the Lease before the answer").isTrue();

        a.cutOff();
        FleetReplica b = awaitNewOwner(env, a);
        assertThat(b.environments.suspendedByOperator(env)).isTrue();

        // The next commit reaches every other environment; the suspended one stays at commit 1.
        handOver(commit(2, "mode: auto"));
        List<String> others = ENVIRONMENTS.stream().filter(e -> !e.equals(env)).toList();
        awaitApplied(others, 2);
        await("the new owner has decided on " + env).atMost(Duration.ofSeconds(10))
                .until(() -> !b.environments.replica().busy(env));
        assertThat(fleet.live).containsEntry(env, FleetReplica.sha(1));
        assertThat(b.target.writes).noneMatch(w -> w.startsWith(env + "@"));

        // Resumed on its new owner: applied there, and the Lease forgets the suspension.
        assertThat(b.environments.resume(env)).isTrue();
        assertThat(DecisionMarks.of(lease(env)).suspended()).isFalse();
        awaitApplied(List.of(env), 2);
    }

    @Test
    void aHoldAfterARollbackHoldsOnTheReplicaThatTakesOver() {
        handOver(commit(1, ROLLBACK));
        awaitApplied(ENVIRONMENTS, 1);
        // Commit 2 never becomes healthy: every owner rolls back to commit 1 and holds commit 2.
        fleet.replicas.forEach(r -> r.target.unhealthy.add(FleetReplica.sha(2)));
        handOver(commit(2, ROLLBACK));
        String env = "env-0";
        await("the hold on " + env + " kept in its Lease").atMost(Duration.ofSeconds(30))
                .until(() -> FleetReplica.sha(2).equals(DecisionMarks.of(lease(env)).heldCommit()));
        assertThat(DecisionMarks.of(lease(env)).heldReason()).startsWith("rolled back to 0000000");
        assertThat(fleet.live).containsEntry(env, FleetReplica.sha(1));
        FleetReplica a = owner(env);

        a.cutOff();
        FleetReplica b = awaitNewOwner(env, a);
        await("the new owner holds " + env + " at commit 2").atMost(Duration.ofSeconds(10))
                .until(() -> b.environments.hold(env).isPresent() && !b.environments.replica().busy(env));
        // The head is handed over again, as every poll does: still held, not applied once more.
        fleet.replicas.stream().filter(r -> r != a).forEach(r -> r.handOver(commit(2, ROLLBACK)));
        await("the new owner has decided on " + env).atMost(Duration.ofSeconds(10))
                .until(() -> !b.environments.replica().busy(env));
        assertThat(b.target.applies).noneMatch(w -> w.equals(env + "@" + FleetReplica.sha(2)));
        assertThat(fleet.live).containsEntry(env, FleetReplica.sha(1));

        // A new commit releases the hold, on the new owner and in the Lease.
        fleet.replicas.stream().filter(r -> r != a).forEach(r -> r.handOver(commit(3, ROLLBACK)));
        awaitApplied(List.of(env), 3);
        assertThat(DecisionMarks.of(lease(env)).heldCommit()).isEmpty();
    }

    private FleetReplica owner(String env) {
        await("an owner of " + env).atMost(Duration.ofSeconds(10)).until(() -> fleet.owners(env).size() == 1);
        return fleet.owners(env).get(0);
    }

    /** A replica other than {@code dead} owns the environment: within a lease duration and a few looks. */
    private FleetReplica awaitNewOwner(String env, FleetReplica dead) {
        await("another replica takes " + env + " over").atMost(FleetOfThree.LEASE.plus(FleetOfThree.RETRY
                .multipliedBy(3))).until(() -> fleet.owners(env).stream().anyMatch(r -> r != dead));
        return fleet.owners(env).stream().filter(r -> r != dead).findFirst().orElseThrow();
    }

    private Lease lease(String env) {
        return fleet.plane.client().resources(Lease.class).inNamespace(fleet.namespace)
                .withName(LeaseNames.environment(env)).get();
    }

    private void handOver(RepoFiles files) {
        fleet.replicas.forEach(r -> r.handOver(files));
    }

    private void awaitApplied(List<String> environments, int commit) {
        await("commit " + commit + " applied to " + environments).atMost(Duration.ofSeconds(30))
                .until(() -> environments.stream().allMatch(e -> FleetReplica.sha(commit).equals(fleet.live.get(e))));
    }

    private static RepoFiles commit(int n, String sync) {
        return FleetReplica.commit(n, ENVIRONMENTS, "main", sync);
    }
}
