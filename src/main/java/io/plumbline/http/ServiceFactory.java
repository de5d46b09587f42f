package io.plumbline.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.plumbline.app.ProviderSettings;
import io.plumbline.app.Providers;
import io.plumbline.app.ServiceParts;
import io.plumbline.app.ServiceRole;
import io.plumbline.app.StatusReporting;
import io.plumbline.engine.Engine;
import io.plumbline.engine.EngineSettings;
import io.plumbline.engine.history.History;
import io.plumbline.engine.history.OutcomeListener;
import io.plumbline.engine.loop.Assignment;
import io.plumbline.engine.review.PlanListener;
import io.plumbline.load.EnvironmentLoader;
import io.plumbline.metrics.Metrics;
import io.plumbline.secrets.SecretSources;
import io.plumbline.source.GitSettings;
import io.plumbline.source.GitSource;
import io.plumbline.source.SignatureCheck;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * The service's parts as beans, from configuration (the built-in {@code plumbline.properties}, a {@code --config}
 * file, environment variables). Each method reads its values and hands them to the composition root
 * ({@link ServiceParts}), which builds the part. The factories stay with the controllers that use the beans and
 * say only which setting configures which part.
 */
@Factory
public class ServiceFactory {

    /** {@code plumbline.role}: {@code central} (the default) or {@code haproxy-agent} with {@code plumbline.agent.host}. */
    @Singleton
    ServiceRole serviceRole(@Value("${plumbline.role:central}") String role,
                            @Value("${plumbline.agent.host:}") String host) {
        return ServiceRole.of(role, host);
    }

    @Singleton
    PrometheusMeterRegistry prometheus(ServiceRole role) {
        return ServiceParts.prometheus(role);
    }

    @Singleton
    Metrics metrics(PrometheusMeterRegistry registry) {
        return ServiceParts.metrics(registry);
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
        return ServiceParts.gitSettings(role, url, branch, cacheDir, username, token, sshKey, knownHosts, prRefs,
                timeout, planForks);
    }

    @Singleton
    SignatureCheck signatureCheck(GitSource source, @Value("${plumbline.git.verify:none}") String mode,
                                  @Value("${plumbline.git.verify-keys:}") String keys) {
        return ServiceParts.signatureCheck(source, mode, keys);
    }

    @Bean(preDestroy = "close")
    @Singleton
    GitSource gitSource(GitSettings settings, @Value("${plumbline.git.max-files:10000}") int maxFiles) {
        return ServiceParts.gitSource(settings, maxFiles);
    }

    @Singleton
    ProviderSettings providerSettings(@Value("${plumbline.aws.endpoint:}") String awsEndpoint,
                                      @Value("${plumbline.kubernetes.kubeconfig:}") String kubeconfig,
                                      @Value("${plumbline.kubernetes.context:}") String context,
                                      @Value("${plumbline.haproxy.root:}") String haproxyRoot,
                                      @Value("${plumbline.haproxy.binary:}") String haproxyBinary,
                                      @Value("${plumbline.haproxy.allowed-folders:}") List<String> haproxyFolders) {
        return ServiceParts.providerSettings(awsEndpoint, kubeconfig, context, haproxyRoot, haproxyBinary,
                haproxyFolders);
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
        return ServiceParts.secretSources(providers, ageKeyFile, ageKeyEnv);
    }

    @Singleton
    EnvironmentLoader environmentLoader() {
        return new EnvironmentLoader();
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
        return ServiceParts.engineSettings(workers, interval, jitter, retryBase, retryMax, shutdownGrace, stateDir,
                publicUrl);
    }

    @Singleton
    History history(EngineSettings settings, Metrics metrics) {
        return ServiceParts.history(settings, metrics);
    }

    @Singleton
    Assignment assignment(@Value("${plumbline.cluster.enabled:false}") boolean enabled,
                          @Value("${plumbline.cluster.namespace:plumbline}") String namespace,
                          @Value("${plumbline.cluster.identity:}") String identity,
                          @Value("${plumbline.cluster.lease-duration:15s}") Duration leaseDuration,
                          @Value("${plumbline.cluster.renew-deadline:10s}") Duration renewDeadline,
                          @Value("${plumbline.cluster.retry-period:2s}") Duration retryPeriod,
                          @Value("${plumbline.cluster.kubeconfig:}") String kubeconfig, Metrics metrics) {
        return ServiceParts.assignment(enabled, namespace, identity, leaseDuration, renewDeadline, retryPeriod,
                kubeconfig, metrics);
    }

    @Bean(preDestroy = "close")
    @Singleton
    Engine engine(GitSource source, EnvironmentLoader loader, Providers providers, SecretSources secrets,
                  Metrics metrics,
                  List<OutcomeListener> listeners, StatusReporting statuses, PlanListener plans, History history,
                  SignatureCheck signatures, EngineSettings settings, ServiceRole role, Assignment assignment) {
        return ServiceParts.engine(source, loader, providers, secrets, metrics, listeners, statuses, plans, history,
                signatures, settings, role, assignment);
    }
}
