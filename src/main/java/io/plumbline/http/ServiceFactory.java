package io.plumbline.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.plumbline.app.BuildVersion;
import io.plumbline.app.Fleet;
import io.plumbline.app.ProviderSettings;
import io.plumbline.app.Providers;
import io.plumbline.app.ServiceRole;
import io.plumbline.engine.Assignment;
import io.plumbline.engine.Backoff;
import io.plumbline.engine.Engine;
import io.plumbline.engine.EngineSettings;
import io.plumbline.engine.History;
import io.plumbline.engine.Links;
import io.plumbline.engine.OutcomeListener;
import io.plumbline.engine.Pipeline;
import io.plumbline.engine.PlanListener;
import io.plumbline.load.EnvironmentLoader;
import io.plumbline.metrics.Metrics;
import io.plumbline.metrics.MicrometerMetrics;
import io.plumbline.secrets.SecretSettings;
import io.plumbline.secrets.SecretSources;
import io.plumbline.source.FileLimits;
import io.plumbline.source.GitSettings;
import io.plumbline.source.GitSource;
import io.plumbline.source.Secret;
import io.plumbline.source.SignatureCheck;
import io.plumbline.source.SignaturePolicy;
import io.prometheus.metrics.core.metrics.Info;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Builds the service's parts from configuration (the built-in {@code plumbline.properties}, a {@code --config} file, environment variables). */
@Factory
public class ServiceFactory {

    /** {@code plumbline.role}: {@code central} (the default) or {@code haproxy-agent} with {@code plumbline.agent.host}. */
    @Singleton
    ServiceRole serviceRole(@Value("${plumbline.role:central}") String role,
                            @Value("${plumbline.agent.host:}") String host) {
        return ServiceRole.of(role, host);
    }

    /** A proxy agent's series all carry its {@code host}, so the agents of one environment stay apart. */
    @Singleton
    PrometheusMeterRegistry prometheus(ServiceRole role) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        role.haproxyHost().ifPresent(host -> registry.config().commonTags("host", host));
        // plumbline_build_info{version} 1: which build answers (an info metric, so its name keeps the _info).
        Info build = Info.builder().name("plumbline_build_info").help("The version of Plumbline running")
                .labelNames("version").register(registry.getPrometheusRegistry());
        build.setLabelValues(BuildVersion.current());
        return registry;
    }

    @Singleton
    Metrics metrics(PrometheusMeterRegistry registry) {
        return new MicrometerMetrics(registry);
    }

    @Singleton
    GitSettings gitSettings(ServiceRole role, @Value("${plumbline.git.url}") String url,
                            @Value("${plumbline.git.branch:main}") String branch,
                            @Value("${plumbline.git.cache-dir:.plumbline/cache}") String cacheDir,
                            @Value("${plumbline.git.username:}") String username,
                            @Value("${plumbline.git.token:}") String token,
                            @Value("${plumbline.git.ssh-key:}") String sshKey,
                            @Value("${plumbline.git.known-hosts:}") String knownHosts,
                            @Value("${plumbline.git.pr-refs:}") List<String> prRefs,
                            @Value("${plumbline.git.timeout:60s}") Duration timeout,
                            @Value("${plumbline.git.plan-forks:false}") boolean planForks) {
        return new GitSettings(url, branch, Path.of(cacheDir), username, new Secret(token),
                sshKey.isEmpty() ? null : Path.of(sshKey), knownHosts.isEmpty() ? null : Path.of(knownHosts),
                // Pull requests are planned by the service; an agent reconciles the branch only.
                role.agent() ? List.of() : prRefs,
                timeout, planForks);
    }

    @Singleton
    SignatureCheck signatureCheck(GitSource source, @Value("${plumbline.git.verify:none}") String mode,
                                  @Value("${plumbline.git.verify-keys:}") String keys) {
        return source.signatures(SignaturePolicy.of(mode, keys));
    }

    @Bean(preDestroy = "close")
    @Singleton
    GitSource gitSource(GitSettings settings, @Value("${plumbline.git.max-files:10000}") int maxFiles) {
        return new GitSource(settings, new FileLimits(maxFiles, FileLimits.DEFAULT.maxFileBytes()));
    }

    @Singleton
    ProviderSettings providerSettings(@Value("${plumbline.aws.endpoint:}") String awsEndpoint,
                                      @Value("${plumbline.kubernetes.kubeconfig:}") String kubeconfig,
                                      @Value("${plumbline.kubernetes.context:}") String context,
                                      @Value("${plumbline.haproxy.root:}") String haproxyRoot,
                                      @Value("${plumbline.haproxy.binary:}") String haproxyBinary,
                                      @Value("${plumbline.haproxy.allowed-folders:}") List<String> haproxyFolders) {
        return new ProviderSettings(optional(awsEndpoint).map(URI::create), optional(kubeconfig).map(Path::of),
                optional(context), optional(haproxyRoot).map(Path::of), optional(haproxyBinary).map(Path::of),
                haproxyFolders.stream().filter(f -> !f.isBlank()).map(Path::of).toList(), true);
    }

    @Bean(preDestroy = "close")
    @Singleton
    Providers providers(ProviderSettings settings, ServiceRole role, Metrics metrics) {
        return Providers.build(settings, role, metrics);
    }

    /** Resolves secret references for the apply path only; pull requests' plans get a pipeline without it. */
    @Bean(preDestroy = "close")
    @Singleton
    SecretSources secretSources(ProviderSettings providers,
                                @Value("${plumbline.secrets.age-key-file:}") String ageKeyFile,
                                @Value("${plumbline.secrets.age-key-env:}") String ageKeyEnv) {
        return new SecretSources(SecretSettings.of(optional(ageKeyFile).map(Path::of), optional(ageKeyEnv),
                providers.awsEndpoint()));
    }

    @Singleton
    EnvironmentLoader environmentLoader() {
        return new EnvironmentLoader();
    }

    private static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    @Singleton
    EngineSettings engineSettings(@Value("${plumbline.engine.workers:4}") int workers,
                                  @Value("${plumbline.poll.interval:30s}") Duration interval,
                                  @Value("${plumbline.poll.jitter:0.1}") double jitter,
                                  @Value("${plumbline.engine.retry-base:10s}") Duration retryBase,
                                  @Value("${plumbline.engine.retry-max:5m}") Duration retryMax,
                                  @Value("${plumbline.engine.shutdown-grace:60s}") Duration shutdownGrace,
                                  @Value("${plumbline.state-dir:.plumbline/state}") String stateDir,
                                  @Value("${plumbline.public-url:}") String publicUrl) {
        return new EngineSettings(workers, interval, jitter, new Backoff(retryBase, retryMax), shutdownGrace,
                Path.of(stateDir), new Links(publicUrl));
    }

    @Singleton
    History history(EngineSettings settings, Metrics metrics) {
        return new History(settings.stateDir().resolve("history"), 100, metrics);
    }

    /** Alone, this replica reconciles every environment; in a fleet (Kubernetes Leases) a share of them. */
    @Singleton
    Assignment assignment(@Value("${plumbline.cluster.enabled:false}") boolean enabled,
                          @Value("${plumbline.cluster.namespace:plumbline}") String namespace,
                          @Value("${plumbline.cluster.identity:}") String identity,
                          @Value("${plumbline.cluster.lease-duration:15s}") Duration leaseDuration,
                          @Value("${plumbline.cluster.renew-deadline:10s}") Duration renewDeadline,
                          @Value("${plumbline.cluster.retry-period:2s}") Duration retryPeriod,
                          @Value("${plumbline.cluster.kubeconfig:}") String kubeconfig, Metrics metrics) {
        return Fleet.assignment(enabled, namespace, identity, leaseDuration, renewDeadline, retryPeriod,
                optional(kubeconfig).map(Path::of), metrics);
    }

    /** The engine closes the assignment itself, after its last run, so no other replica takes over too early. */
    @Bean(preDestroy = "close")
    @Singleton
    Engine engine(GitSource source, EnvironmentLoader loader, Providers providers, SecretSources secrets,
                  Metrics metrics,
                  List<OutcomeListener> listeners, StatusReporting statuses, PlanListener plans, History history,
                  SignatureCheck signatures, EngineSettings settings, ServiceRole role, Assignment assignment) {
        return new Engine(source, loader, new Pipeline(providers.all(), secrets), metrics, listeners, statuses, plans, history,
                signatures, settings, role.environments(), assignment);
    }
}
