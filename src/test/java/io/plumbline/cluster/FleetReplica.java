package io.plumbline.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.plumbline.model.Backoff;
import io.plumbline.engine.loop.EnvironmentScope;
import io.plumbline.engine.loop.Environments;
import io.plumbline.engine.history.Holds;
import io.plumbline.engine.loop.Keeping;
import io.plumbline.engine.loop.Links;
import io.plumbline.engine.loop.MemoryProvider;
import io.plumbline.engine.plan.Pipeline;
import io.plumbline.engine.review.PlanListener;
import io.plumbline.engine.review.PullRequestPlanner;
import io.plumbline.engine.loop.Reconciler;
import io.plumbline.engine.history.ResumePoint;
import io.plumbline.engine.loop.Running;
import io.plumbline.engine.history.Suspensions;
import io.plumbline.engine.schedule.Timers;
import io.plumbline.engine.schedule.Trigger;
import io.plumbline.load.EnvironmentLoader;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.Outcome;
import io.plumbline.model.RepoFiles;
import io.plumbline.model.Revision;
import io.plumbline.provider.Provider;
import io.plumbline.testing.MemoryFiles;
import io.plumbline.source.SignatureCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One replica of a fleet inside the test's JVM: the engine's environments and reconciler as the service wires them
 * (real loader, worker pool, timers and clock), its own client to the real API server, and its Lease coordinator.
 * Every outcome it records goes to the shared timeline, named by the replica; the statuses it posts (apply and
 * pull-request plans) it keeps as {@code kind commit environment state}.
 */
public final class FleetReplica implements AutoCloseable {
    /** One finished reconcile on the timeline. */
    public record Run(String replica, Outcome outcome) {
    }

    public final String name;
    public final LeaseCoordinator coordinator;
    final Environments environments;
    final PullRequestPlanner pullRequests;
    /** {@code kind commit environment state} of every status this replica posted, in order. */
    final List<String> statuses = new CopyOnWriteArrayList<>();
    /** Every commit handed over, for a rollback to the last good one. */
    private final Map<String, RepoFiles> commits = new ConcurrentHashMap<>();
    /** The shared target as this replica writes to it (its own record of writes). */
    final MemoryProvider target;
    private final KubernetesClient client;

    public FleetReplica(String name, Path kubeconfig, ClusterSettings settings, Map<String, String> target, List<Run> timeline,
                 Metrics metrics, Path stateDir) {
        this(name, kubeconfig, settings, new MemoryProvider(target), List.of(), timeline, metrics, stateDir);
    }

    private FleetReplica(String name, Path kubeconfig, ClusterSettings settings, MemoryProvider memory,
                         List<Provider> providers, List<Run> timeline, Metrics metrics, Path stateDir) {
        this.name = name;
        this.target = memory;
        this.client = connect(kubeconfig);
        this.coordinator = new LeaseCoordinator(client, settings, metrics);
        Pipeline pipeline = new Pipeline(providers.isEmpty() ? List.of(this.target) : providers);
        Reconciler reconciler = new Reconciler(pipeline, metrics,
                List.of(o -> timeline.add(new Run(name, o))), (commit, kind, env, state, description, url) ->
                statuses.add(kind + " " + commit + " " + env + " " + state), new Links(""), (ancestor, descendant) -> true, SignatureCheck.NONE, Clock.systemUTC(),
                coordinator);
        this.environments = new Environments(new Running(new EnvironmentLoader(), reconciler,
                Timers.onThread(name + "-timer"), metrics, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5)),
                4), new Keeping(EnvironmentScope.ALL, coordinator, ResumePoint.FRESH,
                new Suspensions(stateDir.resolve(name + "-suspended.json"), metrics),
                new Holds(stateDir.resolve(name + "-held.json"), metrics),
                commit -> {
                    RepoFiles files = commits.get(commit);
                    if (files == null) {
                        throw new IOException(commit + " was never handed over");
                    }
                    return files;
                }));
        this.pullRequests = new PullRequestPlanner(new EnvironmentLoader(), pipeline,
                (commit, kind, env, state, description, url) -> statuses.add(kind + " " + commit + " " + env + " "
                        + state), new Links(""), PlanListener.NONE, environments::desired, coordinator::plans);
    }

    /** A replica that applies with real providers (in their order) instead of the in-memory target. */
    public static FleetReplica applying(String name, Path kubeconfig, ClusterSettings settings,
                                        List<Provider> providers, List<Run> timeline, Metrics metrics, Path stateDir) {
        return new FleetReplica(name, kubeconfig, settings, new MemoryProvider(new ConcurrentHashMap<>()), providers,
                timeline, metrics, stateDir);
    }

    private static KubernetesClient connect(Path kubeconfig) {
        try {
            return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null, Files.readString(kubeconfig),
                    kubeconfig.toString())).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commit {@code n} of a repository holding {@code environments}, each in auto mode. */
    public static RepoFiles commit(int n, List<String> environments) {
        return commit(n, environments, "main", "mode: auto");
    }

    /** Commit {@code n} on {@code ref} of a repository holding {@code environments}, each with {@code sync}. */
    public static RepoFiles commit(int n, List<String> environments, String ref, String sync) {
        Map<String, byte[]> files = new TreeMap<>();
        for (String env : environments) {
            files.put("environments/" + env + ".yaml", ("apiVersion: plumbline/v1\nkind: Environment\nmetadata:\n"
                    + "  name: " + env + "\nspec:\n  sync: {" + sync + "}\n").getBytes(StandardCharsets.UTF_8));
        }
        return new MemoryFiles(files, new Revision(sha(n), ref, "commit " + n));
    }

    public static String sha(int n) {
        return String.format("%040x", n);
    }

    /** The replica that owns the most of {@code environments}. */
    public static FleetReplica busiest(List<FleetReplica> replicas, List<String> environments) {
        return replicas.stream().max(Comparator.comparingLong(r -> environments.stream()
                .filter(r.coordinator::owns).count())).orElseThrow();
    }

    /** Joins the fleet, as {@code Engine.start} does. */
    public void start() {
        coordinator.start(environments.replica());
    }

    /** A new head of the branch, as the poller hands it over. */
    public void handOver(RepoFiles files) {
        commits.put(files.revision().commit(), files);
        environments.handOver(files, Trigger.WEBHOOK);
    }

    /** A pull-request head, as the poller hands it over (planned here on the caller's thread). */
    public void pullRequest(RepoFiles files) {
        pullRequests.plan(files);
    }

    /**
     * Cut off from the API server, as a replica that hangs or loses its network: its engine runs on and is named
     * by every trigger, but no renewal gets through, so it must stop writing at its renew deadline.
     */
    public void cutOff() {
        client.close();
    }

    /** Stops as the service does: the runs under way finish, then the Leases are handed over. */
    @Override
    public void close() {
        environments.close(Duration.ofSeconds(10));
        coordinator.close();
    }
}
