package io.plumbline.engine.loop;

import io.plumbline.engine.drift.DriftChecker;
import io.plumbline.engine.drift.DriftReport;
import io.plumbline.engine.history.Hold;
import io.plumbline.engine.history.OutcomeListener;
import io.plumbline.engine.plan.Ancestry;
import io.plumbline.engine.plan.Convergence;
import io.plumbline.engine.plan.Pipeline;
import io.plumbline.engine.plan.ProviderPlan;
import io.plumbline.engine.plan.Rewind;
import io.plumbline.engine.plan.SyncWindows;
import io.plumbline.engine.schedule.Trigger;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.Health;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Outcome;
import io.plumbline.model.Problem;
import io.plumbline.model.RefusedException;
import io.plumbline.provider.NotOwnedException;
import io.plumbline.provider.ProviderException;
import io.plumbline.source.SignatureCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one environment. {@link #run} is where every trigger ends up: it takes the environment's newest
 * desired state and decides what the triggers call for. {@link #reconcile} is one reconcile, step by step:
 * refuse a rewind, plan, apply (in auto mode), confirm convergence; its outcome is recorded in one place at the
 * end, whatever happened. The service and {@code plumbline apply} both come here.
 */
public final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    /** The trigger a rollback's re-apply runs under (it is recorded only as part of the failed commit's outcome). */
    private static final String ROLLBACK = "rollback";

    private final Pipeline pipeline;
    private final OutcomeRecorder recorder;
    private final DriftChecker drift;
    private final Ancestry ancestry;
    private final SignatureCheck signatures;
    private final Clock clock;
    private final Assignment assignment;

    /** @param signatures refuses, before anything is planned, a commit not signed by an allowed key */
    public Reconciler(Pipeline pipeline, Metrics metrics, List<OutcomeListener> listeners, StatusSink statuses,
                      Links links, Ancestry ancestry, SignatureCheck signatures, Clock clock) {
        this(pipeline, metrics, listeners, statuses, links, ancestry, signatures, clock, Assignment.SOLE);
    }

    /** @param assignment asked right before every provider writes whether this replica still owns the environment */
    public Reconciler(Pipeline pipeline, Metrics metrics, List<OutcomeListener> listeners, StatusSink statuses,
                      Links links, Ancestry ancestry, SignatureCheck signatures, Clock clock, Assignment assignment) {
        this.assignment = assignment;
        this.signatures = signatures;
        this.pipeline = pipeline;
        this.recorder = new OutcomeRecorder(metrics, listeners, statuses, links);
        this.drift = new DriftChecker(pipeline, clock);
        this.ancestry = ancestry;
        this.clock = clock;
    }

    /**
     * Decides for the triggers that named this environment; the caller holds the environment's turn. A commit
     * held after a rollback is reconciled again only when asked for (API, resume), never by itself.
     */
    Optional<Reconciled> run(EnvironmentState state, Set<Trigger> triggers, Rollback rollback) {
        Desired desired = state.desired();
        if (desired == null) {
            return Optional.empty();
        }
        if (state.suspendedByOperator()) {
            LOG.info("environment {} is suspended by an operator; {} at {} not reconciled", state.name(),
                    first(triggers).label(), desired.revision().shortCommit());
            return Optional.empty();
        }
        if (!desired.valid()) {
            // The newest commit cannot be loaded: say so once; nothing older is applied or healed meanwhile.
            return state.reconciled(desired) ? Optional.empty() : Optional.of(recordInvalid(desired, first(triggers)));
        }
        LoadedEnvironment env = desired.environment();
        if (suspended(env, first(triggers))) {
            return Optional.empty();
        }
        // Held after a rollback (across a restart too, when this process has not reconciled the commit yet).
        if (state.held() && !triggers.contains(Trigger.RESUME) && !triggers.contains(Trigger.API)) {
            LOG.info("{} is held at {} after a rollback; {} does not apply it again", state.name(),
                    desired.revision().shortCommit(), first(triggers).label());
            return Optional.empty();
        }
        if (!state.reconciled(desired)) {
            return whenWindowsAllow(state, env, first(triggers), triggers, rollback);
        }
        if (triggers.contains(Trigger.TAKEOVER) && !state.held()) {
            // The replica that reconciled it before may have left a retry or drift behind: start from the newest commit.
            return whenWindowsAllow(state, env, Trigger.TAKEOVER, triggers, rollback);
        }
        if (triggers.contains(Trigger.RESUME)) {
            return whenWindowsAllow(state, env, Trigger.RESUME, triggers, rollback);
        }
        if (triggers.contains(Trigger.API)) {
            return whenWindowsAllow(state, env, Trigger.API, triggers, rollback);
        }
        if (triggers.contains(Trigger.RETRY) && state.retryDue()) {
            return whenWindowsAllow(state, env, Trigger.RETRY, triggers, rollback);
        }
        // Drift is measured against what was applied: not against a commit refused or never applied.
        boolean applied = state.appliedCommit().filter(desired.commit()::equals).isPresent();
        return triggers.contains(Trigger.DRIFT) && applied ? checkDrift(state, desired, rollback) : Optional.empty();
    }

    /** One reconcile of {@code env}; nothing at all when it is suspended. */
    public Optional<Reconciled> reconcile(LoadedEnvironment env, Trigger trigger, Optional<String> lastApplied) {
        return reconcile(env, trigger, lastApplied, () -> false, UnaryOperator.identity());
    }

    /**
     * One reconcile; {@code then} may add to its outcome before it is recorded.
     *
     * @param superseded whether a newer commit of the environment waits (a migration by steps then hands over)
     */
    private Optional<Reconciled> reconcile(LoadedEnvironment env, Trigger trigger, Optional<String> lastApplied,
                                           BooleanSupplier superseded, UnaryOperator<Reconciled> then) {
        if (suspended(env, trigger)) {
            return Optional.empty();
        }
        recorder.started(env.name(), env.revision());
        return Optional.of(recorder.record(then.apply(attempt(new Attempt(env, trigger.label(), clock.instant(),
                clock, superseded), lastApplied))));
    }

    /**
     * One reconcile of the environment's newest commit; when it fails health and the environment asks for it, the
     * last good commit is re-applied (past the rewind guard: this is Plumbline's own rollback, not a force-push)
     * and the commit is held. No rollback when a newer commit already waits: it is reconciled next.
     */
    private Optional<Reconciled> reconcile(EnvironmentState state, LoadedEnvironment env, Trigger trigger,
                                           Rollback rollback) {
        BooleanSupplier superseded = () -> {
            Desired newest = state.desired();
            return newest != null && !newest.commit().equals(env.revision().commit());
        };
        return reconcile(env, trigger, state.appliedCommit(), superseded, r -> {
            if (!Rollback.called(r, env) || !state.desired().commit().equals(env.revision().commit())) {
                return r;
            }
            Rollback.Result rolled = rollback.after(r, env, state.lastGoodCommit(), past -> attempt(
                    new Attempt(past, ROLLBACK, clock.instant(), clock, () -> false), Optional.empty()));
            if (rolled.hold()) {
                state.hold(new Hold(env.revision().commit(), rolled.reconciled().outcome().error()));
            }
            return rolled.reconciled();
        });
    }

    /** The steps of a reconcile; whatever happens ends in one value. */
    private Reconciled attempt(Attempt at, Optional<String> lastApplied) {
        LoadedEnvironment env = at.env();
        try {
            // History only moves forward: a head that does not descend from the last applied commit waits.
            Optional<String> rewind = Rewind.refusal(env, lastApplied, ancestry);
            if (rewind.isPresent()) {
                return at.end(Outcome.Result.FAILURE, Reconciled.Cause.NOT_FAST_FORWARD, rewind.get());
            }
            // Only a commit signed by an allowed key may act (when signatures are required).
            signatures.verify(env.revision().commit());
            // Render, observe and diff every provider; a mass deletion is refused here, before any write.
            List<ProviderPlan> plans = pipeline.plan(env);
            if (!env.environment().spec().sync().mode().equals("auto")) {
                return at.end(Outcome.Result.SUCCESS, Reconciled.Cause.DONE, true, planOnly(plans), null,
                        List.of(), "");
            }
            // Apply in the safe order, waiting for health after each provider.
            Pipeline.Applied applied = pipeline.apply(env, plans, new ApplyFence(env, assignment, at.superseded(),
                    what -> recorder.progress(env, what)));
            if (!applied.ok()) {
                return at.end(Outcome.Result.FAILURE, failureCause(applied), true, applied.results(),
                        applied.health(), List.of(), applied.error());
            }
            // Converge or say so: a fresh plan must be empty. A plan that wrote nothing was that fresh plan itself
            // (most reconciles at a commit: every environment the commit leaves as it was), so it is not made twice.
            boolean wrote = plans.stream().anyMatch(p -> p.changes().hasWrites());
            List<String> left = Convergence.differences(wrote ? pipeline.plan(env) : plans);
            return left.isEmpty()
                    ? at.end(Outcome.Result.SUCCESS, Reconciled.Cause.DONE, true, applied.results(), applied.health(),
                            List.of(), "")
                    : at.end(Outcome.Result.FAILURE, Reconciled.Cause.NOT_CONVERGED, true, applied.results(),
                            applied.health(), List.of(), Convergence.describe(left));
        } catch (InvalidInputException e) {
            return at.end(Outcome.Result.INVALID, Reconciled.Cause.PERMANENT, false, Map.of(), null,
                    e.problems(), "");
        } catch (NotOwnedException e) {
            return at.end(Outcome.Result.FAILURE, Reconciled.Cause.PERMANENT, e.getMessage());
        } catch (RefusedException e) {
            return at.end(Outcome.Result.REFUSED, Reconciled.Cause.PERMANENT, e.getMessage());
        } catch (ProviderException e) {
            return e.retryable() ? at.end(Outcome.Result.FAILURE, Reconciled.Cause.TRANSIENT, e.getMessage())
                    : at.end(Outcome.Result.REFUSED, Reconciled.Cause.PERMANENT, e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.error("reconcile of {} at {} failed unexpectedly: {}", env.name(), env.revision().shortCommit(), e, e);
            return at.end(Outcome.Result.FAILURE, Reconciled.Cause.UNEXPECTED, Failures.describe(e));
        }
    }

    /** Plans against the applied commit without writing; reports drift and, with self-heal on, corrects it. */
    private Optional<Reconciled> checkDrift(EnvironmentState state, Desired desired, Rollback rollback) {
        LoadedEnvironment env = desired.environment();
        Optional<DriftChecker.Checked> checked = drift.check(env);
        if (checked.isEmpty()) {
            return Optional.empty();
        }
        recorder.drifted(env, checked.get());
        boolean heal = !checked.get().report().entries().isEmpty() && env.environment().spec().sync().selfHealEnabled()
                && env.environment().spec().sync().mode().equals("auto");
        // A newer commit that arrived during the check is reconciled next; never heal towards an older one.
        if (!heal || state.desired() != desired) {
            return Optional.empty();
        }
        LOG.info("self-heal: correcting drift of {} ({} resources)", env.name(), checked.get().report().resources());
        return whenWindowsAllow(state, env, Trigger.DRIFT, Set.of(Trigger.DRIFT), rollback);
    }

    /**
     * Reconciles now if the sync windows let an apply through (only {@code auto} mode applies, so only it waits);
     * otherwise says once on the commit until when it waits, and leaves the triggers to be repeated then.
     */
    private Optional<Reconciled> whenWindowsAllow(EnvironmentState state, LoadedEnvironment env, Trigger trigger,
                                                  Set<Trigger> triggers, Rollback rollback) {
        Instant now = clock.instant();
        Optional<Instant> opens = env.environment().spec().sync().mode().equals("auto")
                ? SyncWindows.blockedUntil(env.environment().spec().sync().windows(), now, trigger.manual())
                : Optional.empty();
        if (opens.isEmpty()) {
            return reconcile(state, env, trigger, rollback);
        }
        if (state.waitForWindow(env.revision().commit(), opens.get(), Duration.between(now, opens.get()), triggers)) {
            String why = "waiting for window " + SyncWindows.time(opens.get());
            LOG.info("{} at {}: {}", env.name(), env.revision().shortCommit(), why);
            recorder.waiting(env, why);
        }
        return Optional.empty();
    }

    /** What the environment's apply under way says of its progress ({@code migrating: 25% → 50%, ...}), if any. */
    public Optional<String> progress(String environment) {
        return recorder.progress(environment);
    }

    public Optional<DriftReport> driftReport(String environment) {
        return drift.report(environment);
    }

    /** The environment left the repository: its drift report and metric series go too. */
    void forget(String environment) {
        pipeline.forget(environment);
        drift.forget(environment);
        recorder.forgotten(environment);
    }

    void found(String environment) {
        recorder.found(environment);
    }

    private Reconciled recordInvalid(Desired desired, Trigger trigger) {
        Instant now = clock.instant();
        return recorder.record(new Reconciled(new Outcome(desired.name(), desired.file(), desired.revision(),
                trigger.label(), now, now, Outcome.Result.INVALID, Map.of(), null, desired.problems(), ""),
                Reconciled.Cause.PERMANENT, false));
    }

    private static boolean suspended(LoadedEnvironment env, Trigger trigger) {
        boolean suspended = env.environment().spec().sync().mode().equals("suspended");
        if (suspended) {
            LOG.info("environment {} is suspended; {} at {} not reconciled", env.name(), trigger.label(),
                    env.revision().shortCommit());
        }
        return suspended;
    }

    private static Reconciled.Cause failureCause(Pipeline.Applied applied) {
        if (applied.transientFailure()) {
            return Reconciled.Cause.TRANSIENT;
        }
        return applied.unhealthy() ? Reconciled.Cause.UNHEALTHY : Reconciled.Cause.PERMANENT;
    }

    private static Trigger first(Set<Trigger> triggers) {
        return triggers.iterator().next();
    }

    /** In plan-only mode every write is recorded as skipped, so the status says what would have changed. */
    private static Map<String, List<ObjectResult>> planOnly(List<ProviderPlan> plans) {
        Map<String, List<ObjectResult>> results = new LinkedHashMap<>();
        for (ProviderPlan plan : plans) {
            results.put(plan.name(), plan.changes().changes().stream()
                    .map(c -> c.action().writes() ? ObjectResult.skipped(c, "plan-only") : ObjectResult.done(c))
                    .toList());
        }
        return results;
    }

    /** One reconcile under way: turns each way it can end into a {@link Reconciled}. */
    private record Attempt(LoadedEnvironment env, String trigger, Instant started, Clock clock,
                           BooleanSupplier superseded) {
        /**
         * Ended before anything was applied: a failure that may pass stopped before it could look at the targets
         * (their health is unknown); a refusal applied nothing, so there is no health to speak of.
         */
        Reconciled end(Outcome.Result result, Reconciled.Cause cause, String error) {
            Health health = cause == Reconciled.Cause.TRANSIENT || cause == Reconciled.Cause.UNEXPECTED
                    ? Health.NOT_OBSERVED : null;
            return end(result, cause, false, Map.of(), health, List.of(), error);
        }

        Reconciled end(Outcome.Result result, Reconciled.Cause cause, boolean applied,
                       Map<String, List<ObjectResult>> results, Health health, List<Problem> problems, String error) {
            return new Reconciled(new Outcome(env.name(), env.file(), env.revision(), trigger, started,
                    clock.instant(), result, results, health, problems, error), cause, applied);
        }
    }
}
