package io.plumbline.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.plumbline.provider.Provider;
import io.plumbline.provider.haproxy.HaproxyOptions;
import io.plumbline.provider.haproxy.HaproxyProvider;
import io.plumbline.provider.kubernetes.KubernetesOptions;
import io.plumbline.provider.kubernetes.KubernetesProvider;
import io.plumbline.provider.aws.AwsConnection;
import io.plumbline.provider.aws.AwsProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The composition root for providers: the one place that knows every concrete provider. Used by the command
 * line and the service; the engine sees only {@link Provider}.
 */
public final class Providers implements AutoCloseable {
    private final List<Provider> providers;
    private final List<AutoCloseable> resources;

    private Providers(List<Provider> providers, List<AutoCloseable> resources) {
        this.providers = List.copyOf(providers);
        this.resources = List.copyOf(resources);
    }

    /** AWS first (certificates, DNS, capacity), then Kubernetes (workloads), then HAProxy (traffic). */
    public static Providers build(ProviderSettings settings) {
        List<Provider> all = new ArrayList<>();
        AwsConnection production = AwsConnection.production();
        all.add(new AwsProvider(new AwsConnection(settings.awsEndpoint(), production.credentials(),
                production.apiCallTimeout(), production.attemptTimeout(), production.maxAttempts(),
                production.pollInterval())));
        KubernetesClient client = KubernetesClients.connect(settings.kubeconfig(), settings.kubeContext());
        all.add(new KubernetesProvider(client, KubernetesOptions.DEFAULT.withWatch(settings.longRunning())));
        all.add(new HaproxyProvider(new HaproxyOptions(settings.haproxyBinary().orElse(null),
                settings.haproxyRoot().orElse(null), null, null, settings.haproxyFolders())));
        return new Providers(all, List.of(client));
    }

    public List<Provider> all() {
        return providers;
    }

    public Optional<Provider> named(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>();
        providers.stream().filter(AutoCloseable.class::isInstance).map(AutoCloseable.class::cast).forEach(all::add);
        all.addAll(resources);
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                // Closing at shutdown: nothing more can be done about it.
            }
        }
    }
}
