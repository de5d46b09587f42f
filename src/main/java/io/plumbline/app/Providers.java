package io.plumbline.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.plumbline.metrics.Metrics;
import io.plumbline.provider.Provider;
import io.plumbline.provider.aws.AwsConnection;
import io.plumbline.provider.aws.AwsProvider;
import io.plumbline.provider.aws.SharedReads;
import io.plumbline.provider.haproxy.HaproxyOptions;
import io.plumbline.provider.haproxy.HaproxyProvider;
import io.plumbline.provider.haproxy.MigrationListener;
import io.plumbline.provider.kubernetes.KubernetesOptions;
import io.plumbline.provider.kubernetes.KubernetesProvider;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.haproxy.HaproxyResources;
import io.plumbline.render.kubernetes.KubernetesKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The composition root for providers: the one place that knows every concrete provider. Used by the command
 * line and the service; the engine sees only {@link Provider}.
 *
 * <p>Building this costs nothing: each provider, with its SDK clients, is built on its first use (see
 * {@link LazyProvider}), so the service answers {@code /health/liveness} before any of them exists.
 */
public final class Providers implements AutoCloseable {
    private final List<LazyProvider> providers;
    /** Connections the providers use but do not own (the fabric8 client), closed after them. */
    private final List<AutoCloseable> connections = new CopyOnWriteArrayList<>();

    private Providers(ProviderSettings settings, ServiceRole role, Metrics metrics) {
        LazyProvider haproxy = new LazyProvider(HaproxyResources.PROVIDER,
                env -> HaproxyResources.declaredIn(env) && role.appliesHaproxy(env), () -> haproxy(settings, metrics));
        this.providers = role.agent() ? List.of(haproxy) : List.of(
                new LazyProvider(AwsKinds.PROVIDER, AwsKinds::declaredIn, () -> aws(settings, metrics)),
                new LazyProvider(KubernetesKeys.PROVIDER, KubernetesKeys::declaredIn, () -> kubernetes(settings, metrics)),
                haproxy);
    }

    /** AWS first (certificates, DNS, capacity), then Kubernetes (workloads), then HAProxy (traffic). */
    public static Providers build(ProviderSettings settings) {
        return new Providers(settings, ServiceRole.central(), new Metrics() { });
    }

    /**
     * The providers of a role: for the service as {@link #build(ProviderSettings)}; for a proxy agent HAProxy
     * alone, so no AWS or Kubernetes client is ever made on a proxy host.
     */
    public static Providers build(ProviderSettings settings, ServiceRole role) {
        return build(settings, role, new Metrics() { });
    }

    /** As {@link #build(ProviderSettings, ServiceRole)}, counting what the targets throttle in {@code metrics}. */
    public static Providers build(ProviderSettings settings, ServiceRole role, Metrics metrics) {
        return new Providers(settings, role, metrics);
    }

    private static Provider aws(ProviderSettings settings, Metrics metrics) {
        AwsConnection production = AwsConnection.production();
        return new AwsProvider(new AwsConnection(settings.awsEndpoint(), production.credentials(),
                production.apiCallTimeout(), production.attemptTimeout(), production.maxAttempts(),
                production.pollInterval()), SharedReads.WINDOW,
                service -> metrics.throttled(AwsKinds.PROVIDER, service));
    }

    private Provider kubernetes(ProviderSettings settings, Metrics metrics) {
        KubernetesClient client = KubernetesClients.connect(settings.kubeconfig(), settings.kubeContext(),
                resource -> metrics.throttled(KubernetesKeys.PROVIDER, resource));
        connections.add(client);
        return new KubernetesProvider(client, KubernetesOptions.DEFAULT.withWatch(settings.longRunning()));
    }

    private static Provider haproxy(ProviderSettings settings, Metrics metrics) {
        return new HaproxyProvider(new HaproxyOptions(settings.haproxyBinary().orElse(null),
                settings.haproxyRoot().orElse(null), null, null, settings.haproxyFolders()), new MigrationListener() {
                    @Override
                    public void step(String environment, String backend, int percent) {
                        metrics.migrationStep(environment, backend, percent);
                    }

                    @Override
                    public void aborted(String environment, String backend) {
                        metrics.migrationAborted(environment, backend);
                    }
                });
    }

    public List<Provider> all() {
        return List.copyOf(providers);
    }

    /** The names of the providers built so far: none until a reconcile or plan needed one. */
    public List<String> built() {
        return providers.stream().filter(LazyProvider::isBuilt).map(Provider::name).toList();
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(providers);
        all.addAll(connections);
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                // Closing at shutdown: nothing more can be done about it.
            }
        }
    }
}
