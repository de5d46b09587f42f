package io.plumbline.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.plumbline.engine.Engine;
import io.plumbline.engine.EngineSettings;
import io.plumbline.provider.SecretResolver;
import io.plumbline.secrets.SecretSettings;
import io.plumbline.secrets.SecretSources;
import io.plumbline.engine.history.History;
import io.plumbline.engine.history.OutcomeListener;
import io.plumbline.engine.loop.Assignment;
import io.plumbline.engine.loop.Links;
import io.plumbline.engine.loop.StatusSink;
import io.plumbline.engine.plan.Pipeline;
import io.plumbline.engine.review.PlanListener;
import io.plumbline.model.Backoff;
import io.plumbline.load.EnvironmentLoader;
import io.plumbline.metrics.Metrics;
import io.plumbline.metrics.MicrometerMetrics;
import io.plumbline.source.FileLimits;
import io.plumbline.source.GitSettings;
import io.plumbline.source.GitSource;
import io.plumbline.source.Secret;
import io.plumbline.source.SignatureCheck;
import io.plumbline.source.SignaturePolicy;
import io.prometheus.metrics.core.metrics.Info;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The service composed: each of its parts built from configuration values. The HTTP face's factories only read
 * those values and expose what is built here as beans, so how the service is put together is written once, here.
 */
public final class ServiceParts {
    private ServiceParts() {
    }

    /** A proxy agent's series all carry its {@code host}, so the agents of one environment stay apart. */
    public static PrometheusMeterRegistry prometheus(ServiceRole role) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        role.haproxyHost().ifPresent(host -> registry.config().commonTags("host", host));
        // plumbline_build_info{version} 1: which build answers (an info metric, so its name keeps the _info).
        Info build = Info.builder().name("plumbline_build_info").help("The version of Plumbline running")
                .labelNames("version").register(registry.getPrometheusRegistry());
        build.setLabelValues(BuildVersion.current());
        return registry;
    }

    public static Metrics metrics(PrometheusMeterRegistry registry) {
        return new MicrometerMetrics(registry);
    }

    /** The repository to follow; pull requests are planned by the service, an agent reconciles the branch only. */
    public static GitSettings gitSettings(ServiceRole role, String url, String branch, String cacheDir,
                                          String username, String token, String sshKey, String knownHosts,
                                          List<String> prRefs, Duration timeout, boolean planForks) {
        return new GitSettings(url, branch, Path.of(cacheDir), username, new Secret(token),
                sshKey.isEmpty() ? null : Path.of(sshKey), knownHosts.isEmpty() ? null : Path.of(knownHosts),
                role.agent() ? List.of() : prRefs,
                timeout, planForks);
    }

    public static GitSource gitSource(GitSettings settings, int maxFiles) {
        return new GitSource(settings, new FileLimits(maxFiles, FileLimits.DEFAULT.maxFileBytes()));
    }

    public static SignatureCheck signatureCheck(GitSource source, String mode, String keys) {
        return source.signatures(SignaturePolicy.of(mode, keys));
    }

    public static ProviderSettings providerSettings(String awsEndpoint, String kubeconfig, String context,
                                                    String haproxyRoot, String haproxyBinary,
                                                    List<String> haproxyFolders) {
        return new ProviderSettings(optional(awsEndpoint).map(URI::create), optional(kubeconfig).map(Path::of),
                optional(context), optional(haproxyRoot).map(Path::of), optional(haproxyBinary).map(Path::of),
                haproxyFolders.stream().filter(f -> !f.isBlank()).map(Path::of).toList(), true);
    }

    public static EngineSettings engineSettings(int workers, Duration interval, double jitter, Duration retryBase,
                                                Duration retryMax, Duration shutdownGrace, String stateDir,
                                                String publicUrl) {
        return new EngineSettings(workers, interval, jitter, new Backoff(retryBase, retryMax), shutdownGrace,
                Path.of(stateDir), new Links(publicUrl));
    }

    public static History history(EngineSettings settings, Metrics metrics) {
        return new History(settings.stateDir().resolve("history"), 100, metrics);
    }

    /** Alone, this replica reconciles every environment; in a fleet (Kubernetes Leases) a share of them. */
    public static Assignment assignment(boolean fleet, String namespace, String identity, Duration leaseDuration,
                                        Duration renewDeadline, Duration retryPeriod, String kubeconfig,
                                        Metrics metrics) {
        return Fleet.assignment(fleet, namespace, identity, leaseDuration, renewDeadline, retryPeriod,
                optional(kubeconfig).map(Path::of), metrics);
    }

    /** The engine closes the assignment itself, after its last run, so no other replica takes over too early. */
    public static Engine engine(GitSource source, EnvironmentLoader loader, Providers providers,
                                SecretResolver secrets, Metrics metrics, List<OutcomeListener> listeners, StatusSink statuses, PlanListener plans,
                                History history, SignatureCheck signatures, EngineSettings settings, ServiceRole role,
                                Assignment assignment) {
        return new Engine(source, loader, new Pipeline(providers.all(), secrets), metrics, listeners, statuses, plans, history,
                signatures, settings, role.environments(), assignment);
    }

    /** Where secrets are read at apply time: the age key's file or variable, AWS for the rest. */
    public static SecretSources secretSources(ProviderSettings providers, String ageKeyFile, String ageKeyEnv) {
        return new SecretSources(SecretSettings.of(optional(ageKeyFile).map(Path::of), optional(ageKeyEnv),
                providers.awsEndpoint()));
    }

    private static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
