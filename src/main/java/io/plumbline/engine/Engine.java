package io.plumbline.engine;

import io.plumbline.engine.drift.DriftReport;
import io.plumbline.engine.history.Hold;
import io.plumbline.engine.history.Holds;
import io.plumbline.engine.history.OutcomeListener;
import io.plumbline.engine.history.ResumePoint;
import io.plumbline.engine.history.Suspensions;
import io.plumbline.engine.loop.Assignment;
import io.plumbline.engine.loop.EnvironmentScope;
import io.plumbline.engine.loop.Environments;
import io.plumbline.engine.loop.Keeping;
import io.plumbline.engine.loop.Reconciler;
import io.plumbline.engine.loop.Running;
import io.plumbline.engine.loop.StatusSink;
import io.plumbline.engine.plan.Pipeline;
import io.plumbline.engine.plan.WindowStatus;
import io.plumbline.engine.review.PlanListener;
import io.plumbline.engine.review.PlanReport;
import io.plumbline.engine.review.PullRequestPlanner;
import io.plumbline.engine.schedule.HeadsHandler;
import io.plumbline.engine.schedule.Poller;
import io.plumbline.engine.schedule.Timers;
import io.plumbline.engine.schedule.Trigger;
import io.plumbline.load.EnvironmentLoader;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.RepoFiles;
import io.plumbline.source.GitSource;
import io.plumbline.source.SignatureCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The service's loop, wired: the poller only fetches and hands revisions over; branch heads go to
 * {@link Environments} (reconciled on the worker pool, one at a time per environment), pull-request heads are
 * planned on the same pool. Nothing the poller does waits for a reconcile or a health check.
 */
public final class Engine implements HeadsHandler, AutoCloseable {
    /** The mode {@link #mode} reports for an environment an operator suspended. */
    public static final String SUSPENDED_BY_OPERATOR = "suspended by operator";

    private final Environments environments;
    private final Reconciler reconciler;
    private final PullRequestPlanner pullRequests;
    private final EngineSettings settings;
    private final Poller poller;
    private final Clock clock = Clock.systemUTC();
    private final Assignment assignment;

    /**
     * @param scope      the environments of the repository this process reconciles; the others are ignored
     * @param assignment which of them this replica reconciles: {@link Assignment#SOLE} alone
     */
    public Engine(GitSource source, EnvironmentLoader loader, Pipeline pipeline, Metrics metrics,
                  List<OutcomeListener> listeners, StatusSink statuses, PlanListener plans, ResumePoint resume,
                  SignatureCheck signatures, EngineSettings settings, EnvironmentScope scope, Assignment assignment) {
        this.settings = settings;
        this.assignment = assignment;
        this.reconciler = new Reconciler(pipeline, metrics, listeners, statuses, settings.links(), source::isAncestor,
                signatures, clock, assignment);
        this.environments = new Environments(
                new Running(loader, reconciler, Timers.onThread("plumbline-timer", metrics), metrics, settings.retry(),
                        settings.workers()),
                new Keeping(scope, assignment, resume,
                        new Suspensions(settings.stateDir().resolve("suspended.json"), metrics),
                        new Holds(settings.stateDir().resolve("held.json"), metrics),
                        commit -> source.at(commit, source.branch())));
        // a pull request's plan never resolves a secret: its pipeline has no resolver
        this.pullRequests = new PullRequestPlanner(loader, pipeline.sealed(), statuses, settings.links(), plans,
                environments::desired, assignment::plans);
        this.poller = new Poller(source, this, metrics, this::pollInterval, settings.jitter());
    }

    /** The service's interval, or a shorter one an environment asks for with {@code spec.sync.interval}. */
    private Duration pollInterval() {
        Duration shortest = settings.pollInterval();
        for (String name : environments.names()) {
            Optional<Duration> asked = environments.desired(name)
                    .map(e -> e.environment().spec().sync().intervalDuration());
            if (asked.isPresent() && asked.get().compareTo(shortest) < 0) {
                shortest = asked.get();
            }
        }
        return shortest;
    }

    public void start() {
        assignment.start(environments.replica());
        poller.start();
    }

    /** A push arrived: fetch now. */
    public void wake() {
        poller.wake();
    }

    /** Ready once the repository was fetched and its newest commit could be loaded. */
    public boolean ready() {
        return poller.ready() && environments.loadFailure().isEmpty() && assignment.trouble().isEmpty();
    }

    /** Why the service is not ready, or empty. */
    public String notReadyBecause() {
        return !poller.ready() ? poller.notReadyBecause()
                : assignment.trouble().orElseGet(environments::loadFailure);
    }

    public Optional<String> lastFetchedCommit() {
        return poller.lastHandedOver();
    }

    /** This replica's name in a fleet; empty when it runs alone. */
    public String replica() {
        return assignment.identity();
    }

    /** The replica of the fleet that reconciles the environment now, if known; empty when running alone. */
    public Optional<String> owner(String environment) {
        return assignment.owner(environment);
    }


    /** The environments this replica reconciles now, sorted. */
    public List<String> owned() {
        return environments.names().stream().filter(assignment::owns).sorted().toList();
    }

    /**
     * The other replica that reconciles the environment, when one does: requests that change what is reconciled
     * (reconcile, suspend, resume) belong to it. Empty alone, or when this replica owns it.
     */
    public Optional<String> reconciledElsewhere(String environment) {
        return assignment.owns(environment) ? Optional.empty()
                : Optional.of(assignment.owner(environment).orElse("no replica yet"));
    }

    /** Names an environment (API trigger); requests during a reconcile coalesce into one follow-up. */
    public boolean reconcileNow(String environment) {
        return environments.request(environment, Trigger.API);
    }

    /** An operator's emergency stop, kept across restarts; false when no environment of that name is known. */
    public boolean suspend(String environment) {
        return environments.suspend(environment);
    }

    /** Lifts an operator's stop and reconciles the newest commit; false when no such environment is known. */
    public boolean resume(String environment) {
        return environments.resume(environment);
    }

    /**
     * How the environment is run now: {@code suspended by operator}, else its file's {@code spec.sync.mode}, or
     * empty when it has not been loaded since start.
     */
    public String mode(String environment) {
        boolean suspended = assignment.decidedElsewhere(environment).map(Assignment.Decisions::suspended)
                .orElseGet(() -> environments.suspendedByOperator(environment));
        if (suspended) {
            return SUSPENDED_BY_OPERATOR;
        }
        return environments.desired(environment).map(e -> e.environment().spec().sync().mode()).orElse("");
    }

    /** The environments of the newest commit handed over (loaded or not), by name. */
    public Set<String> names() {
        return environments.names();
    }

    /** The environment as its newest commit declares it (its mode, its spec), if it was loaded since start. */
    public Optional<LoadedEnvironment> environment(String name) {
        return environments.desired(name);
    }

    /**
     * The hold on the environment's newest commit after a rollback (kept across restarts), if it is held; in a fleet
     * as the replica that reconciles it keeps it.
     */
    public Optional<Hold> hold(String environment) {
        Optional<Assignment.Decisions> elsewhere = assignment.decidedElsewhere(environment);
        if (elsewhere.isEmpty()) {
            return environments.hold(environment);
        }
        Assignment.Decisions d = elsewhere.get();
        return environments.desired(environment).filter(e -> e.revision().commit().equals(d.heldCommit()))
                .map(e -> new Hold(d.heldCommit(), d.heldReason()));
    }

    /** The environment's sync windows as its newest commit declares them, each open now or not. */
    public List<WindowStatus> windows(String environment) {
        Instant now = clock.instant();
        return environments.desired(environment).stream()
                .flatMap(e -> e.environment().spec().sync().windows().stream())
                .map(w -> WindowStatus.at(w, now)).toList();
    }

    /**
     * When the sync windows let through the apply they hold back (the time its status names: {@code waiting for
     * window ...}); empty when no apply waits for them.
     */
    public Optional<Instant> windowOpens(String environment) {
        return environments.windowOpens(environment);
    }

    /**
     * What the environment's apply under way says of its progress, as its commit's pending status does ({@code
     * migrating: 25% → 50%, next check in 40 s}); empty when no apply says anything.
     */
    public Optional<String> progress(String environment) {
        return reconciler.progress(environment);
    }

    public Optional<DriftReport> drift(String environment) {
        return reconciler.driftReport(environment);
    }

    public List<PlanReport> plan(String commit) {
        return pullRequests.get(commit);
    }

    @Override
    public void branch(RepoFiles files, Trigger trigger) {
        environments.handOver(files, trigger);
    }

    @Override
    public void pullRequest(RepoFiles files) {
        environments.submit(() -> pullRequests.plan(files));
    }

    /** Stops fetching and timers, lets reconciles under way finish (within the grace), then returns. */
    @Override
    public void close() {
        poller.close();
        environments.close(settings.shutdownGrace());
        // Only now, with no run left, may another replica take this one's environments.
        assignment.close();
    }
}
