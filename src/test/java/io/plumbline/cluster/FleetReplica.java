package io.plumbline.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.plumbline.engine.Backoff;
import io.plumbline.engine.Environments;
import io.plumbline.engine.Links;
import io.plumbline.engine.MemoryProvider;
import io.plumbline.engine.Pipeline;
import io.plumbline.engine.Reconciler;
import io.plumbline.engine.ResumePoint;
import io.plumbline.engine.Suspensions;
import io.plumbline.engine.Timers;
import io.plumbline.engine.Trigger;
import io.plumbline.load.EnvironmentLoader;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.Outcome;
import io.plumbline.model.RepoFiles;
import io.plumbline.source.SignatureCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One replica of a fleet inside the test's JVM: the engine's environments and reconciler as the service wires them
 * (real loader, worker pool, timers and clock), its own client to the real API server, and its Lease coordinator.
 * Every outcome it records goes to the shared timeline, named by the replica.
 */
final class FleetReplica implements AutoCloseable {
    /** One finished reconcile on the timeline. */
    record Run(String replica, Outcome outcome) {
    }

    final String name;
    final LeaseCoordinator coordinator;
    final Environments environments;
    /** The shared target as this replica writes to it (its own record of writes). */
    final MemoryProvider target;
    private final KubernetesClient client;

    FleetReplica(String name, Path kubeconfig, ClusterSettings settings, Map<String, String> target, List<Run> timeline,
                 Metrics metrics, Path stateDir) {
        this.name = name;
        this.target = new MemoryProvider(target);
        this.client = connect(kubeconfig);
        this.coordinator = new LeaseCoordinator(client, settings, metrics);
        Reconciler reconciler = new Reconciler(new Pipeline(List.of(this.target)), metrics,
                List.of(o -> timeline.add(new Run(name, o))), (commit, context, state, description, url) -> {
                }, new Links(""), (ancestor, descendant) -> true, SignatureCheck.NONE, Clock.systemUTC(),
                coordinator);
        this.environments = new Environments(new EnvironmentLoader(), reconciler, ResumePoint.FRESH,
                Timers.onThread(name + "-timer"), metrics, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5)),
                4, new Suspensions(stateDir.resolve(name + "-suspended.json"), metrics),
                commit -> {
                    throw new IOException("no rollback in this test");
                }, coordinator);
    }

    private static KubernetesClient connect(Path kubeconfig) {
        try {
            return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null, Files.readString(kubeconfig),
                    kubeconfig.toString())).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Joins the fleet, as {@code Engine.start} does. */
    void start() {
        coordinator.start(environments.replica());
    }

    /** A new head of the branch, as the poller hands it over. */
    void handOver(RepoFiles files) {
        environments.handOver(files, Trigger.WEBHOOK);
    }

    /**
     * Cut off from the API server, as a replica that hangs or loses its network: its engine runs on and is named
     * by every trigger, but no renewal gets through, so it must stop writing at its renew deadline.
     */
    void cutOff() {
        client.close();
    }

    /** Stops as the service does: the runs under way finish, then the Leases are handed over. */
    @Override
    public void close() {
        environments.close(Duration.ofSeconds(10));
        coordinator.close();
    }
}
