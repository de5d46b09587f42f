package io.plumbline.provider.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.plumbline.diff.DeletionGuard;
import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.Health;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.model.spec.Sync;
import io.plumbline.provider.Provider;
import io.plumbline.provider.ProviderException;
import io.plumbline.render.kubernetes.KindRegistry;
import io.plumbline.render.kubernetes.KubernetesKeys;
import io.plumbline.render.kubernetes.KubernetesRenderer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
    private final KubernetesRenderer renderer;
    private final Cluster cluster;
    private final Observer observer;
    private final KubernetesPlanner planner = new KubernetesPlanner();
    private final ObjectWriter writer;
    private final RolloutWatch rollouts;
    private final KubernetesOptions options;
    private final WatchCache watchCache;

    public KubernetesProvider(KubernetesClient client, KubernetesOptions options) {
        KindRegistry kinds = KindRegistry.builtIn();
        this.options = options;
        this.renderer = new KubernetesRenderer(kinds);
        this.cluster = new Cluster(client, kinds);
        this.watchCache = options.watch() ? new WatchCache(cluster) : null;
        this.observer = new Observer(watchCache == null ? cluster : watchCache);
        this.writer = new ObjectWriter(cluster, options);
        this.rollouts = new RolloutWatch(cluster, options.pollInterval());
    }

    @Override
    public String name() {
        return KubernetesKeys.PROVIDER;
    }

    @Override
    public boolean appliesTo(LoadedEnvironment env) {
        return env.environment().spec().kubernetes() != null;
    }

    @Override
    public List<Resource> render(LoadedEnvironment env) {
        return renderer.render(env);
    }

    @Override
    public List<Resource> observe(LoadedEnvironment env, List<Resource> desired) {
        try {
            return observer.observe(env.name(), desired);
        } catch (KubernetesClientException e) {
            throw ProviderException.retryable("kubernetes: cannot read the cluster: HTTP " + e.getCode(), e);
        }
    }

    @Override
    public ChangeSet diff(LoadedEnvironment env, List<Resource> desired, List<Resource> actual) {
        return planner.plan(env, desired, actual);
    }

    @Override
    public List<ObjectResult> apply(LoadedEnvironment env, ChangeSet plan) {
        Sync sync = env.environment().spec().sync();
        // checked again here: a plan may reach apply without passing through diff
        DeletionGuard.check(name(), plan, sync.maxDeletePercent(), env.revision());
        List<ObjectResult> results = new ArrayList<>();
        for (Change change : ApplyOrder.writes(plan.changes())) {
            results.add(writer.write(change));
        }
        for (Change change : plan.changes()) {
            if (change.action() == Action.NOOP) {
                results.add(ObjectResult.done(change));
            } else if (change.action() == Action.ORPHAN) {
                results.add(ObjectResult.skipped(change, change.note()));
            }
        }
        return results;
    }

    @Override
    public Health health(LoadedEnvironment env, List<ObjectResult> applied) {
        List<ResourceKey> deployments = applied.stream()
                .filter(r -> r.result() == ObjectResult.Result.CREATED || r.result() == ObjectResult.Result.CONFIGURED)
                .map(ObjectResult::key)
                .filter(k -> Workloads.KINDS.contains(k.kind()))
                .toList();
        try {
            return rollouts.await(deployments, healthTimeout(env));
        } catch (KubernetesClientException e) {
            return Health.unknown("cannot read rollouts: HTTP " + e.getCode());
        }
    }

    private Duration healthTimeout(LoadedEnvironment env) {
        return options.healthTimeout() != null ? options.healthTimeout()
                : env.environment().spec().sync().healthTimeoutDuration();
    }

    /** The API calls made so far: lists, gets and writes. */
    public ApiCalls.Counts apiCalls() {
        return cluster.calls().counts();
    }

    @Override
    public void close() {
        if (watchCache != null) {
            watchCache.close();
        }
    }

    /** False once the server turned out not to take server-side apply and writes fell back to merge patches. */
    public boolean usesServerSideApply() {
        return writer.usesServerSideApply();
    }
}
