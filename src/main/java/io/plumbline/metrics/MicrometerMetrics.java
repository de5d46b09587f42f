package io.plumbline.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The meters, as Prometheus shows them:
 * {@code plumbline_reconcile_total{environment,result}}, {@code plumbline_reconcile_duration_seconds},
 * {@code plumbline_last_success_timestamp_seconds{environment}}, {@code plumbline_git_fetch_failures_total},
 * {@code plumbline_drift_resources{environment,provider}},
 * {@code plumbline_changes_applied_total{environment,provider,action}},
 * {@code plumbline_status_publish_failures_total{host}}, {@code plumbline_reconcile_retries_total{environment}},
 * {@code plumbline_not_converged_total{environment}}, {@code plumbline_rewinds_refused_total{environment}},
 * {@code plumbline_repository_loadable}, {@code plumbline_environment_owned{environment}},
 * {@code plumbline_agent_stale{environment,host}}, {@code plumbline_unexpected_errors_total{where}},
 * {@code plumbline_throttled_total{provider,service}}, {@code plumbline_fleet_lease_errors_total{reason}},
 * {@code plumbline_plan_comment_failures_total{host}}.
 */
public final class MicrometerMetrics implements Metrics {
    private static final String AGENT_STALE = "plumbline.agent.stale";
    private static final List<String> RESULTS = List.of("success", "failure", "invalid", "refused",
            "unexpected");
    /** The threads of ours whose top counts what escapes a task. */
    private static final List<String> THREADS = List.of("poll", "timer", "worker");
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    public MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Present from the start, so alerts on rate() see a zero rather than no series.
        Counter.builder("plumbline.git.fetch.failures").description("Failed fetches of the configuration repository")
                .register(registry);
        THREADS.forEach(where -> unexpectedCounter(where));
    }

    @Override
    public void environmentFound(String environment) {
        for (String result : RESULTS) {
            reconcileCounter(environment, result);
        }
        for (EnvironmentCounter counter : EnvironmentCounter.values()) {
            counter.of(registry, environment);
        }
    }

    @Override
    public void environmentGone(String environment) {
        for (Meter meter : List.copyOf(registry.getMeters())) {
            if (meter.getId().getName().startsWith("plumbline.")
                    && environment.equals(meter.getId().getTag("environment"))) {
                registry.remove(meter);
            }
        }
        gauges.keySet().removeIf(id -> id.contains("environment=" + environment + ",")
                || id.contains("environment=" + environment + "}"));
    }

    @Override
    public void retryScheduled(String environment) {
        EnvironmentCounter.RETRIES.of(registry, environment).increment();
    }

    @Override
    public void notConverged(String environment) {
        EnvironmentCounter.NOT_CONVERGED.of(registry, environment).increment();
    }

    @Override
    public void rewindRefused(String environment) {
        EnvironmentCounter.REWINDS_REFUSED.of(registry, environment).increment();
    }

    @Override
    public void rolledBack(String environment) {
        EnvironmentCounter.ROLLBACKS.of(registry, environment).increment();
    }

    @Override
    public void repositoryLoadable(boolean loadable) {
        gauge("plumbline.repository.loadable", "1 when the newest commit of the repository could be loaded, else 0",
                Map.of()).set(loadable ? 1 : 0);
    }

    @Override
    public void owned(String environment, boolean owned) {
        gauge("plumbline.environment.owned", "1 while this replica of the fleet reconciles the environment, else 0",
                Map.of("environment", environment)).set(owned ? 1 : 0);
    }

    @Override
    public void agentWatched(String environment, String host, BooleanSupplier stale) {
        // Read at each scrape: an agent goes stale with no event to say so.
        Gauge.builder(AGENT_STALE, () -> stale.getAsBoolean() ? 1 : 0)
                .description("1 while the proxy agent of the host has not reported to this replica for "
                        + "plumbline.agents.stale-after (or not since it started), else 0")
                .tag("environment", environment).tag("host", host).strongReference(true).register(registry);
    }

    @Override
    public void agentUnwatched(String environment, String host) {
        registry.find(AGENT_STALE).tag("environment", environment).tag("host", host).meters()
                .forEach(registry::remove);
    }

    @Override
    public void reconciled(String environment, String result, Duration took) {
        reconcileCounter(environment, result).increment();
        Timer.builder("plumbline.reconcile.duration").description("Time one reconcile took")
                .tag("environment", environment).register(registry).record(took);
    }

    @Override
    public void lastSuccess(String environment, long epochSeconds) {
        gauge("plumbline.last.success.timestamp.seconds", "Time of the last successful reconcile",
                Map.of("environment", environment)).set(epochSeconds);
    }

    @Override
    public void gitFetchFailed() {
        registry.counter("plumbline.git.fetch.failures").increment();
    }

    @Override
    public void drift(String environment, String provider, int resources) {
        gauge("plumbline.drift.resources", "Resources that differ from the last applied commit",
                Map.of("environment", environment, "provider", provider)).set(resources);
    }

    @Override
    public void applied(String environment, String provider, String action, int count) {
        Counter.builder("plumbline.changes.applied").description("Changes applied by action")
                .tag("environment", environment).tag("provider", provider).tag("action", action)
                .register(registry).increment(count);
    }

    @Override
    public void statusPublishFailed(String host) {
        Counter.builder("plumbline.status.publish.failures").description("Commit statuses that could not be posted")
                .tag("host", host).register(registry).increment();
    }

    @Override
    public void unexpected(String where) {
        unexpectedCounter(where).increment();
    }

    private Counter unexpectedCounter(String where) {
        return Counter.builder("plumbline.unexpected.errors")
                .description("Exceptions and errors nothing expected that escaped a task of the service")
                .tag("where", where).register(registry);
    }

    @Override
    public void throttled(String provider, String service) {
        Counter.builder("plumbline.throttled").description("Calls a target system throttled (each retried)")
                .tag("provider", provider).tag("service", service).register(registry).increment();
    }

    @Override
    public void leaseError(String reason) {
        Counter.builder("plumbline.fleet.lease.errors").description("Failed looks of this replica at the fleet's "
                + "Leases, by reason (lost races are not counted)").tag("reason", reason).register(registry).increment();
    }

    @Override
    public void stateWriteFailed(String file) {
        Counter.builder("plumbline.state.write.failures").description("State files that could not be saved")
                .tag("file", file).register(registry).increment();
    }

    @Override
    public void planCommentFailed(String host) {
        Counter.builder("plumbline.plan.comment.failures").description("Plan comments that could not be written")
                .tag("host", host).register(registry).increment();
    }

    private Counter reconcileCounter(String environment, String result) {
        return Counter.builder("plumbline.reconcile").description("Finished reconciles by result")
                .tag("environment", environment).tag("result", result).register(registry);
    }

    private AtomicLong gauge(String name, String description, Map<String, String> tags) {
        String id = name + tags;
        return gauges.computeIfAbsent(id, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.Builder<AtomicLong> builder = Gauge.builder(name, value, AtomicLong::doubleValue).description(description);
            tags.forEach(builder::tag);
            builder.register(registry);
            return value;
        });
    }

    /** Counters every environment has from the moment it is found, so a first increment shows in increase(). */
    private enum EnvironmentCounter {
        RETRIES("plumbline.reconcile.retries", "Retries of reconciles that failed in a way that may pass"),
        NOT_CONVERGED("plumbline.not.converged", "Applies after which a fresh plan still differed"),
        REWINDS_REFUSED("plumbline.rewinds.refused",
                "Branch heads refused for not descending from the last applied commit"),
        ROLLBACKS("plumbline.rollbacks", "Commits that failed health and were rolled back to the last good commit");

        private final String name;
        private final String description;

        EnvironmentCounter(String name, String description) {
            this.name = name;
            this.description = description;
        }

        Counter of(MeterRegistry registry, String environment) {
            return Counter.builder(name).description(description).tag("environment", environment).register(registry);
        }
    }

    @Override
    public void migrationStep(String environment, String backend, int percent) {
        gauge("plumbline.migration.step.percent", "The share of a backend's traffic a migration by steps sends to"
                + " its new servers", Map.of("environment", environment, "backend", backend)).set(percent);
        // The counter exists from the first step on, so that the first abort shows in increase().
        abortCounter(environment, backend);
    }

    @Override
    public void migrationAborted(String environment, String backend) {
        abortCounter(environment, backend).increment();
    }

    private Counter abortCounter(String environment, String backend) {
        return Counter.builder("plumbline.migration.aborts").description("Migrations by steps whose analysis failed"
                + " and that went back to their last good step").tag("environment", environment)
                .tag("backend", backend).register(registry);
    }
}
