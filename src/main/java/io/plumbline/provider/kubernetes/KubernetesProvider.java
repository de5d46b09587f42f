package io.plumbline.provider.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.plumbline.diff.Vocabulary;
import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.Health;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Problem;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.provider.Fence;
import io.plumbline.provider.Poll;
import io.plumbline.provider.Provider;
import io.plumbline.provider.ProviderException;
import io.plumbline.render.kubernetes.KindRegistry;
import io.plumbline.render.kubernetes.KubernetesKeys;
import io.plumbline.render.kubernetes.KubernetesRenderer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Kubernetes: namespaces, applications (Deployment, Service, Ingress, HorizontalPodAutoscaler) and raw
 * manifests, through a fabric8 client.
 *
 * <pre>{@code
 * KubernetesClient client = new KubernetesClientBuilder().build();   // kubeconfig or in-cluster
 * KubernetesProvider kubernetes = new KubernetesProvider(client, KubernetesOptions.DEFAULT);
 * // the service: keep watches open between reconciles, so an unchanged environment costs no API call
 * KubernetesProvider watching = new KubernetesProvider(client, KubernetesOptions.DEFAULT.withWatch(true));
 * }</pre>
 *
 * <p>Close it to stop its watches; the client stays the caller's to close.
 */
public final class KubernetesProvider implements Provider, AutoCloseable {
    /**
     * Rule kinds are rules (a PrometheusRule); a field whose path names a certificate names one; the replica counts
     * of a workload or an autoscaler are capacities.
     */
    static final Vocabulary WORDS = new Vocabulary(key -> KubernetesKeys.kind(key).contains("Rule"),
            path -> path.toLowerCase(Locale.ROOT).contains("certificate"), Set.of("replicas", "minReplicas",
            "maxReplicas"));
    private static final Duration DEFINITION_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DEFINITION_POLL = Duration.ofMillis(200);
    private final KubernetesRenderer renderer;
    private final Cluster cluster;
    private final Observer observer;
    private final KubernetesPlanner planner;
    private final ObjectWriter writer;
    private final RolloutWatch rollouts;
    private final KubernetesOptions options;
    private final WatchCache watchCache;
    private final NamespacePrune namespacePrune;

    public KubernetesProvider(KubernetesClient client, KubernetesOptions options) {
        KindRegistry kinds = KindRegistry.builtIn();
        this.options = options;
        this.renderer = new KubernetesRenderer(kinds);
        this.cluster = new Cluster(client, kinds);
        this.watchCache = options.watch() ? new WatchCache(cluster) : null;
        this.observer = new Observer(watchCache == null ? cluster : watchCache);
        this.planner = new KubernetesPlanner(options.fieldManager());
        this.writer = new ObjectWriter(cluster, options.fieldManager());
        this.rollouts = new RolloutWatch(cluster, options.pollInterval());
        this.namespacePrune = new NamespacePrune(cluster);
    }

    @Override
    public String name() {
        return KubernetesKeys.PROVIDER;
    }

    @Override
    public boolean appliesTo(LoadedEnvironment env) {
        return KubernetesKeys.declaredIn(env);
    }

    /**
     * The objects, each custom kind placed by its scope as the environment's own CustomResourceDefinition or else
     * the server says it, so a cluster-scoped one needs an allow entry (invalid input at its file and line).
     */
    @Override
    public List<Resource> render(LoadedEnvironment env) {
        Map<String, Boolean> declared = CustomResourceDefinitions.scopes(env.manifests());
        return guarded(env, () -> renderer.render(env, (apiVersion, kind) -> {
            Boolean namespaced = declared.get(apiVersion + "/" + kind);
            if (namespaced != null) {
                return namespaced;
            }
            try {
                return cluster.isNamespaced(apiVersion, kind);
            } catch (UnknownKindException e) {
                return true;   // not served (yet): observing it says so, naming the kind
            }
        }));
    }

    @Override
    public List<Resource> observe(LoadedEnvironment env, List<Resource> desired) {
        return guarded(env, () -> watchCache == null ? observer.observe(env.name(), desired)
                : watchCache.readFor(reader(env), () -> observer.observe(env.name(), desired)));
    }

    /** Who reads through the watches: an environment at a ref (its branch, or a pull request's). */
    private static String reader(LoadedEnvironment env) {
        return env.name() + " at " + env.revision().ref();
    }

    @Override
    public void planned(LoadedEnvironment env) {
        if (watchCache != null) {
            watchCache.release(reader(env));
        }
    }

    @Override
    public void forget(String environment) {
        planner.forget(environment);
        if (watchCache != null) {
            watchCache.releaseAll(reader -> reader.startsWith(environment + " at "));
        }
    }

    /** The scopes watched now (none without watches), as {@code apiVersion/kind namespace}. */
    Set<String> watched() {
        return watchCache == null ? Set.of() : watchCache.watched();
    }

    /** The environments whose last comparisons are kept. */
    Set<String> comparedFor() {
        return planner.remembered();
    }

    /**
     * The plan, with every update the local comparison finds confirmed by the server: a dry-run apply that
     * would store the object as it is makes it a no-op, a refusal is named in the plan. An unchanged environment
     * costs no dry run.
     */
    @Override
    public ChangeSet diff(LoadedEnvironment env, List<Resource> rendered, List<Resource> actual) {
        return WORDS.describe(confirmed(env, rendered, actual));
    }

    private ChangeSet confirmed(LoadedEnvironment env, List<Resource> rendered, List<Resource> actual) {
        // what a plan that resolves no secret cannot know is taken as it is live: its plan shows what it can know
        List<Resource> desired = Unresolved.fromLive(rendered, actual);
        // a namespace deletion takes its contents along: kept when it holds what is not ours
        ChangeSet plan = guarded(env, () -> namespacePrune.judge(planner.plan(env, desired, actual), env.name()));
        Set<ResourceKey> autoscaled = KubernetesPlanner.autoscaled(desired);
        List<Change> toConfirm = plan.changes().stream()
                .filter(c -> c.action() == Action.UPDATE && ObjectWriter.refusal(c, env.revision()) == null).toList();
        if (toConfirm.isEmpty()) {
            return plan;
        }
        Map<ResourceKey, Change> confirmed = new HashMap<>();
        guarded(env, () -> Parallel.map(toConfirm, c -> confirmed(c, autoscaled.contains(c.key()))))
                .forEach(c -> confirmed.put(c.key(), c));
        return new ChangeSet(plan.changes().stream().map(c -> confirmed.getOrDefault(c.key(), c)).toList());
    }

    private Change confirmed(Change change, boolean autoscaled) {
        try {
            if (DryRun.storesNothingNew(writer.dryRun(change, autoscaled), change.actual().body())) {
                return new Change(Action.NOOP, change.key(), change.desired(), change.actual(), List.of(),
                        change.note());
            }
            return change;
        } catch (KubernetesClientException e) {
            if (!DryRun.refused(e)) {
                throw e;
            }
            String refused = "the API server refuses it: " + ObjectWriter.describe(change.key(), e);
            return new Change(change.action(), change.key(), change.desired(), change.actual(), change.fields(),
                    change.note() == null ? refused : change.note() + "; " + refused);
        }
    }

    /**
     * Applies in three steps: namespaces and CustomResourceDefinitions first (definitions waited for until
     * established, then discovery refreshed), since what follows cannot even be dry-run without them; then a
     * dry run of every other write, so that one refusal (an invalid or immutable field, an unknown kind, an
     * admission webhook) stops the reconcile before anything else changes; then the writes in order.
     */
    @Override
    public List<ObjectResult> apply(LoadedEnvironment env, ChangeSet plan, Fence fence) {
        Set<ResourceKey> autoscaled = KubernetesPlanner.autoscaled(plan.changes().stream()
                .map(Change::desired).filter(Objects::nonNull).toList());
        List<ObjectResult> results = new ArrayList<>();
        List<Change> writes = new ArrayList<>();
        if (plan.changes().stream().anyMatch(c -> c.action().writes() && Unresolved.inWrite(c))) {
            // only a plan that resolved its secrets may be applied: nothing is written, nothing half done
            throw ProviderException.refused("kubernetes: the plan holds secrets that were not resolved; "
                    + "only a plan made to be applied resolves them");
        }
        for (Change change : ApplyOrder.writes(plan.changes())) {
            String refusal = ObjectWriter.refusal(change, env.revision());
            if (refusal != null) {
                results.add(ObjectResult.rejected(change, refusal));
            } else {
                writes.add(change);
            }
        }
        List<Change> first = writes.stream().filter(c -> c.action() != Action.DELETE && ApplyOrder.rank(c) == 0)
                .toList();
        List<Change> rest = writes.stream().filter(c -> !first.contains(c)).toList();
        guarded(env, () -> {
            DryRun.all(env, first, c -> writer.dryRun(c, false));
            first.forEach(c -> results.add(writer.write(c, false, fence)));
            awaitDefinitions(first, fence);
            DryRun.all(env, rest, c -> writer.dryRun(c, autoscaled.contains(c.key())));
            return null;
        });
        // one rank at a time, in order; the writes of one rank do not depend on each other
        for (List<Change> rank : ApplyOrder.ranks(rest)) {
            results.addAll(Parallel.map(rank, c -> writer.write(c, autoscaled.contains(c.key()), fence)));
        }
        for (Change change : plan.changes()) {
            if (change.action() == Action.NOOP) {
                results.add(ObjectResult.done(change));
            } else if (change.action() == Action.ORPHAN || change.action() == Action.ADOPT) {
                results.add(ObjectResult.skipped(change, change.note()));
            }
        }
        return results;
    }

    private void awaitDefinitions(List<Change> written, Fence fence) {
        List<ResourceKey> definitions = written.stream().map(Change::key).filter(CustomResourceDefinitions::is)
                .toList();
        if (definitions.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + DEFINITION_TIMEOUT.toNanos();
        Poll poll = Poll.every(DEFINITION_POLL).fencedBy(fence);
        for (ResourceKey key : definitions) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            poll.await(left, () -> CustomResourceDefinitions.established(cluster.get(key)),
                    "kubernetes: interrupted while waiting for definitions", () -> "kubernetes: "
                            + CustomResourceDefinitions.name(key) + " was not established within "
                            + DEFINITION_TIMEOUT.toSeconds() + "s");
        }
        cluster.forgetDiscovery();
    }

    /** Runs a step that talks to the server, turning its failures into what the engine understands. */
    private <T> T guarded(LoadedEnvironment env, Supplier<T> step) {
        try {
            return step.get();
        } catch (UnknownKindException e) {
            throw new InvalidInputException(Problem.inFile(env.file(), "kubernetes: " + e.getMessage()));
        } catch (CustomKinds.DiscoveryException e) {
            throw ProviderException.retryable("kubernetes: " + e.getMessage(), e);
        } catch (KubernetesClientException e) {
            throw ProviderException.retryable("kubernetes: cannot read the cluster: " + ReadFailure.describe(e), e);
        }
    }

    @Override
    public Health health(LoadedEnvironment env, List<ObjectResult> applied, Fence fence) {
        List<ResourceKey> deployments = applied.stream()
                .filter(r -> r.result() == ObjectResult.Result.CREATED || r.result() == ObjectResult.Result.CONFIGURED)
                .map(ObjectResult::key)
                .filter(k -> Workloads.KINDS.contains(k.kind()))
                .toList();
        try {
            return rollouts.await(deployments, healthTimeout(env), fence);
        } catch (KubernetesClientException e) {
            return Health.unknown("cannot read rollouts: HTTP " + e.getCode());
        }
    }

    private Duration healthTimeout(LoadedEnvironment env) {
        return options.healthTimeout() != null ? options.healthTimeout()
                : env.environment().spec().sync().healthTimeoutDuration();
    }

    /** The API calls made so far: lists, gets, writes, watches and dry runs. */
    public ApiCalls.Counts apiCalls() {
        return cluster.calls().counts();
    }

    @Override
    public void close() {
        if (watchCache != null) {
            watchCache.close();
        }
    }
}
