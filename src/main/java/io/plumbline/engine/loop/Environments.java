package io.plumbline.engine.loop;

import io.plumbline.engine.history.Hold;
import io.plumbline.engine.history.ResumePoint;
import io.plumbline.model.Backoff;
import io.plumbline.engine.schedule.Lane;
import io.plumbline.engine.schedule.Timers;
import io.plumbline.engine.schedule.Trigger;
import io.plumbline.load.EnvironmentLoader;
import io.plumbline.load.LoadResult;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.RepoFiles;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The environments the service keeps, each with its one {@link EnvironmentState}. New revisions are handed over
 * here; every trigger (poll, webhook, API, drift timer, retry) only names an environment, and the reconciler then
 * takes that environment's newest desired state and decides, on the worker pool, one run at a time per environment.
 */
public final class Environments {
    private static final Logger LOG = LoggerFactory.getLogger(Environments.class);

    private final EnvironmentLoader loader;
    private final Reconciler reconciler;
    private final ResumePoint resume;
    private final Timers timers;
    private final Metrics metrics;
    private final Backoff backoff;
    private final Dispatcher dispatcher;
    private final Decided decided;
    private final Rollback rollback;
    private final EnvironmentScope scope;
    private final Assignment assignment;
    private final Map<String, EnvironmentState> states = new ConcurrentHashMap<>();
    /**
     * Environments that left the repository while a run of theirs was under way: the same state is taken up again if
     * the environment comes back meanwhile, so that its next run waits for that one instead of running beside it.
     */
    private final Map<String, EnvironmentState> leaving = new ConcurrentHashMap<>();
    private volatile String loadFailure = "";

    public Environments(Running running, Keeping keeping) {
        this.scope = keeping.scope();
        this.assignment = keeping.assignment();
        this.loader = running.loader();
        this.rollback = new Rollback(running.loader(), keeping.past(), running.metrics());
        this.decided = new Decided(keeping.suspensions(), keeping.holds(), keeping.assignment());
        this.reconciler = running.reconciler();
        this.resume = keeping.resume();
        this.timers = running.timers();
        this.metrics = running.metrics();
        this.backoff = running.backoff();
        this.dispatcher = new Dispatcher(running.workers(), this::work, running.metrics());
        metrics.repositoryLoadable(true);
    }

    /**
     * A new head of the environment branch: load every environment file, make each the newest desired state of
     * its environment and name it; stop the environments that left. Never throws: a commit that cannot be loaded
     * at all leaves every environment as it was, and shows in readiness and a metric.
     */
    public void handOver(RepoFiles files, Trigger trigger) {
        LoadResult loaded;
        try {
            loaded = loader.loadAll(files);
        } catch (Throwable e) {
            loadFailure = "commit " + files.revision().shortCommit() + " cannot be loaded: " + e;
            metrics.repositoryLoadable(false);
            LOG.error("{}; every environment stays as it was", loadFailure, e);
            if (!(e instanceof IOException)) {
                metrics.unexpected("poll");
            }
            return;
        }
        loadFailure = "";
        metrics.repositoryLoadable(true);
        Map<String, Desired> wanted = new LinkedHashMap<>();
        for (LoadedEnvironment env : loaded.environments()) {
            if (scope.includes(env)) {
                wanted.put(env.name(), Desired.loaded(env));
            }
        }
        loaded.problems().forEach((file, problems) -> {
            String name = OutcomeRecorder.nameOf(file);
            if (scope.includesUnloadable(states.containsKey(name))) {
                wanted.putIfAbsent(name, Desired.invalid(name, file, files.revision(), problems));
            }
        });
        leaving.values().removeIf(state -> !state.busy());
        List.copyOf(states.keySet()).stream().filter(name -> !wanted.containsKey(name)).forEach(this::forget);
        Set<String> changed = changed(wanted);
        for (String name : changedFirst(wanted.keySet(), changed)) {
            Desired desired = wanted.get(name);
            EnvironmentState state = states.computeIfAbsent(name, this::found);
            Assignment.Decisions before = decided.of(name);
            state.desire(desired);
            // A new commit releases a hold: its next owner must not find it held either.
            decided.passOnIfChanged(name, before);
            keepDriftTimer(state, desired);
            dispatcher.request(state, trigger, changed.contains(name) ? Lane.CHANGED : Lane.COMMIT);
        }
    }

    /** The environments whose file or manifests the commit changed, or that are new. */
    private Set<String> changed(Map<String, Desired> wanted) {
        Set<String> changed = new HashSet<>();
        wanted.forEach((name, desired) -> {
            EnvironmentState state = states.get(name);
            Desired before = state == null ? null : state.desired();
            if (before == null || !before.sameContent(desired)) {
                changed.add(name);
            }
        });
        return changed;
    }

    /**
     * The environments the commit changed come first (in file order), then the others, each in its own lane: every
     * environment is reconciled at every commit, but a commit that touches one of a hundred environments is applied
     * in the time of one reconcile, not after the unchanged ones queued ahead of it on the pool (nor after those an
     * earlier commit left waiting).
     */
    private static List<String> changedFirst(Set<String> names, Set<String> changed) {
        List<String> ordered = new ArrayList<>(names.stream().filter(changed::contains).toList());
        names.stream().filter(name -> !changed.contains(name)).forEach(ordered::add);
        return ordered;
    }

    /** Names an environment; false when no environment of that name is known. */
    public boolean request(String environment, Trigger trigger) {
        EnvironmentState state = states.get(environment);
        if (state == null) {
            return false;
        }
        dispatcher.request(state, trigger);
        return true;
    }

    /**
     * An operator's emergency stop: from now on no trigger reconciles, heals or retries the environment (a run
     * under way finishes), and the stop is kept across restarts. False when no environment of that name is known.
     */
    public boolean suspend(String environment) {
        EnvironmentState state = states.get(environment);
        if (state == null) {
            return false;
        }
        Assignment.Decisions before = decided.of(environment);
        decided.suspensions().suspend(environment);
        state.suspendByOperator(true);
        decided.passOnIfChanged(environment, before);
        LOG.info("environment {} suspended by an operator", environment);
        return true;
    }

    /** Lifts an operator's stop and reconciles the newest commit; false when no environment of that name is known. */
    public boolean resume(String environment) {
        EnvironmentState state = states.get(environment);
        if (state == null) {
            return false;
        }
        Assignment.Decisions before = decided.of(environment);
        decided.suspensions().resume(environment);
        state.suspendByOperator(false);
        decided.passOnIfChanged(environment, before);
        LOG.info("environment {} resumed by an operator", environment);
        dispatcher.request(state, Trigger.RESUME);
        return true;
    }

    /** Whether an operator suspended the environment (kept across restarts). */
    public boolean suspendedByOperator(String environment) {
        return decided.suspensions().suspended(environment);
    }

    /** The hold on the environment's newest commit after a rollback, if it is held. */
    public Optional<Hold> hold(String environment) {
        return Optional.ofNullable(states.get(environment)).flatMap(EnvironmentState::hold);
    }

    /** When the sync windows let the environment's held-back apply through, if one waits for them. */
    public Optional<Instant> windowOpens(String environment) {
        return Optional.ofNullable(states.get(environment)).flatMap(EnvironmentState::windowOpens);
    }

    /** Work for the pool that is not an environment's (pull-request plans). */
    public void submit(Runnable task) {
        dispatcher.submit(task);
    }

    public Set<String> names() {
        return Set.copyOf(states.keySet());
    }

    /** The newest loadable state of an environment, if it loaded. */
    public Optional<LoadedEnvironment> desired(String environment) {
        return Optional.ofNullable(states.get(environment)).map(EnvironmentState::desired)
                .filter(Desired::valid).map(Desired::environment);
    }

    /** This replica as a fleet's assignment sees it: its environments, which are busy, and a takeover trigger. */
    public Assignment.Replica replica() {
        return new Assignment.Replica() {
            @Override
            public Set<String> environments() {
                return names();
            }

            @Override
            public boolean busy(String environment) {
                EnvironmentState state = states.get(environment);
                return state != null && state.busy();
            }

            @Override
            public Assignment.Decisions decisions(String environment) {
                return decided.of(environment);
            }

            @Override
            public void gained(String environment, Assignment.Decisions decisions) {
                decided.takeOn(environment, decisions, states.get(environment));
                request(environment, Trigger.TAKEOVER);
            }
        };
    }

    /** Whether no environment has a run under way or waiting (what a test waits for before it looks). */
    boolean idle() {
        return states.values().stream().noneMatch(EnvironmentState::busy);
    }

    /** Why the newest commit could not be loaded at all, or empty. */
    public String loadFailure() {
        return loadFailure;
    }

    /** Stops triggers, lets runs under way finish within {@code grace}; true when all did. */
    public boolean close(Duration grace) {
        timers.close();
        states.values().forEach(EnvironmentState::stop);
        return dispatcher.close(grace);
    }

    private void work(EnvironmentState state, Set<Trigger> triggers) {
        if (!assignment.owns(state.name())) {
            // Another replica of the fleet reconciles it; its new owner starts from the newest commit anyway.
            LOG.debug("{} is reconciled by {}; {} left to it", state.name(),
                    assignment.owner(state.name()).orElse("another replica"), triggers);
            return;
        }
        Assignment.Decisions before = decided.of(state.name());
        reconciler.run(state, triggers, rollback).ifPresent(reconciled -> {
            int failures = state.finished(reconciled);
            if (failures > 0) {
                Duration delay = backoff.delay(failures - 1);
                LOG.info("retrying {} in {}s ({} failures in a row)", state.name(), delay.toSeconds(), failures);
                metrics.retryScheduled(state.name());
                state.retryWith(timers.schedule(delay, () -> dispatcher.request(state, Trigger.RETRY)));
            }
        });
        // A rollback held the commit, or a success released it: passed on while the run still holds the environment.
        decided.passOnIfChanged(state.name(), before);
        // Held back by the sync windows: the same triggers name the environment again when they let it through.
        state.takeWindowWait().ifPresent(wait -> state.windowWith(timers.schedule(wait.delay(),
                () -> wait.triggers().forEach(t -> dispatcher.request(state, t)))));
    }

    private EnvironmentState found(String name) {
        reconciler.found(name);
        EnvironmentState back = leaving.remove(name);
        if (back != null) {
            back.returned();
            return back;
        }
        return new EnvironmentState(name, resume.lastCommit(name).orElse(null),
                resume.lastAppliedCommit(name).orElse(null), resume.lastSucceededCommit(name).orElse(null),
                decided.suspensions().suspended(name), decided.holds());
    }

    private void forget(String name) {
        EnvironmentState state = states.remove(name);
        state.stop();
        if (state.busy()) {
            leaving.put(name, state);
        }
        reconciler.forget(name);
        LOG.info("environment {} is no longer in the repository: its timers are stopped and its series removed",
                name);
    }

    /** One drift timer per environment at its interval; each tick only names the environment. */
    private void keepDriftTimer(EnvironmentState state, Desired desired) {
        if (!desired.valid()) {
            return;
        }
        Duration every = desired.environment().environment().spec().sync().driftIntervalDuration();
        if (!every.equals(state.driftEvery())) {
            scheduleDrift(state, every);
        }
    }

    private void scheduleDrift(EnvironmentState state, Duration every) {
        driftTick(state, every, state.restartDrift(every));
    }

    /** The next tick of one drift schedule; each tick schedules the next first, so a failing request stops none. */
    private void driftTick(EnvironmentState state, Duration every, long schedule) {
        state.driftWith(schedule, timers.schedule(every, () -> {
            driftTick(state, every, schedule);
            dispatcher.request(state, Trigger.DRIFT);
        }));
    }
}
