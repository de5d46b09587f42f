package io.plumbline.engine;

import io.plumbline.load.EnvironmentLoader;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Outcome;
import io.plumbline.model.RepoFiles;
import io.plumbline.source.GitSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's loop, wired: the poller finds new heads; branch heads are reconciled on a bounded pool (one
 * reconcile at a time per environment), failures retried with backoff, drift checked on each environment's
 * interval; pull-request heads are planned. Triggers: poll, webhook ({@link #wake}), drift timer, API
 * ({@link #reconcileNow}).
 */
public final class Engine implements HeadsHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final Reconciler reconciler;
    private final DriftChecker drift;
    private final PullRequestPlanner pullRequests;
    private final EngineSettings settings;
    private final Poller poller;
    private final ExecutorService pool;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, daemon("plumbline-timer"));
    private final Map<String, ScheduledFuture<?>> driftTimers = new ConcurrentHashMap<>();

    /** @param loader loads pull-request heads (the reconciler loads branch heads with the same one) */
    public Engine(GitSource source, EnvironmentLoader loader, Reconciler reconciler, StatusSink statuses,
                  PlanListener plans, Metrics metrics, EngineSettings settings) {
        this.reconciler = reconciler;
        this.settings = settings;
        this.drift = new DriftChecker(reconciler, statuses, metrics, settings.links(), Clock.systemUTC());
        this.pullRequests = new PullRequestPlanner(loader, reconciler, statuses, settings.links(),
                plans);
        this.pool = Executors.newFixedThreadPool(settings.workers(), daemon("plumbline-reconcile"));
        this.poller = new Poller(source, this, metrics, this::pollInterval, settings.jitter());
    }

    /** The service's interval, or a shorter one an environment asks for with {@code spec.sync.interval}. */
    private Duration pollInterval() {
        Duration shortest = settings.pollInterval();
        for (String name : reconciler.environments()) {
            Optional<Duration> asked = reconciler.lastReconciled(name)
                    .map(e -> e.environment().spec().sync().intervalDuration());
            if (asked.isPresent() && asked.get().compareTo(shortest) < 0) {
                shortest = asked.get();
            }
        }
        return shortest;
    }

    public void start() {
        poller.start();
    }

    /** A push arrived: fetch now. */
    public void wake() {
        poller.wake();
    }

    public boolean ready() {
        return poller.ready();
    }

    public Optional<String> lastReconciledCommit() {
        return poller.lastReconciled();
    }

    /** Reconcile an environment at its last commit now (API trigger); false when it was never loaded. */
    public boolean reconcileNow(String environment) {
        Optional<LoadedEnvironment> env = reconciler.lastReconciled(environment);
        env.ifPresent(e -> pool.submit(() -> reconcile(e, "api", 0)));
        return env.isPresent();
    }

    /** The environment as last loaded for a reconcile (its mode, its spec), if it was loaded since start. */
    public Optional<LoadedEnvironment> environment(String name) {
        return reconciler.lastReconciled(name);
    }

    public Optional<DriftReport> drift(String environment) {
        return drift.report(environment);
    }

    public List<PlanReport> plan(String commit) {
        return pullRequests.get(commit);
    }

    @Override
    public void branch(RepoFiles files, String trigger) {
        for (Outcome outcome : reconciler.reconcileAll(files, trigger, pool)) {
            reconciler.lastReconciled(outcome.environment()).ifPresent(env -> retryIfFailed(env, outcome, 0));
        }
        for (String name : reconciler.environments()) {
            reconciler.lastReconciled(name).ifPresent(this::scheduleDrift);
        }
    }

    @Override
    public void pullRequest(RepoFiles files) {
        pool.submit(() -> pullRequests.plan(files));
    }

    private void reconcile(LoadedEnvironment env, String trigger, int attempt) {
        reconciler.reconcile(env, trigger).ifPresent(outcome -> retryIfFailed(env, outcome, attempt));
    }

    /** A failure may be passing (throttling, a timeout); invalid input and refusals wait for a new commit. */
    private void retryIfFailed(LoadedEnvironment env, Outcome outcome, int attempt) {
        if (outcome.result() != Outcome.Result.FAILURE || attempt >= settings.retryAttempts()) {
            return;
        }
        Duration delay = Backoff.delay(settings.retryBase(), attempt);
        LOG.info("retrying {} at {} in {}s (attempt {} of {})", env.name(), env.revision().shortCommit(),
                delay.toSeconds(), attempt + 1, settings.retryAttempts());
        timers.schedule(() -> pool.submit(() -> {
            boolean stillCurrent = reconciler.lastReconciled(env.name())
                    .map(e -> e.revision().equals(env.revision())).orElse(false);
            if (stillCurrent) {
                reconcile(env, "retry", attempt + 1);
            }
        }), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scheduleDrift(LoadedEnvironment env) {
        long every = env.environment().spec().sync().driftIntervalDuration().toMillis();
        ScheduledFuture<?> previous = driftTimers.put(env.name(), timers.scheduleWithFixedDelay(
                () -> pool.submit(() -> drift.check(env.name())), every, every, TimeUnit.MILLISECONDS));
        if (previous != null) {
            previous.cancel(false);
        }
    }

    @Override
    public void close() {
        poller.close();
        timers.shutdownNow();
        pool.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
