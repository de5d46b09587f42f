package io.plumbline.engine.loop;

import io.plumbline.engine.drift.DriftChecker;
import io.plumbline.engine.drift.DriftEntry;
import io.plumbline.engine.drift.DriftReport;
import io.plumbline.engine.history.OutcomeListener;
import io.plumbline.engine.history.ResumePoint;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Outcome;
import io.plumbline.model.Revision;
import io.plumbline.report.CommitStatus;
import io.plumbline.report.StatusContext;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a finished reconcile (or drift check) is written down: metrics, the log line, the drift status,
 * and the listeners (history first, then commit statuses and the rest). A listener that fails is logged and does
 * not stop the others.
 */
public final class OutcomeRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    /** What counts in {@code plumbline_changes_applied_total}: objects actually written. */
    private static final Set<ObjectResult.Result> APPLIED = EnumSet.of(
            ObjectResult.Result.CREATED, ObjectResult.Result.CONFIGURED, ObjectResult.Result.DELETED);

    /** The result a reconcile that ended in a fault of ours counts under. */
    static final String UNEXPECTED = "unexpected";

    private final Metrics metrics;
    private final List<OutcomeListener> listeners;
    private final StatusSink statuses;
    private final Links links;
    /** What each environment's apply under way last said of its progress. */
    private final Map<String, String> progress = new ConcurrentHashMap<>();

    OutcomeRecorder(Metrics metrics, List<OutcomeListener> listeners, StatusSink statuses, Links links) {
        this.metrics = metrics;
        // What a restarted service resumes from (the history) is saved before any status leaves: stopped in between,
        // the service would otherwise reconcile again a commit whose final status the host already shows, and post a
        // second one. A stop after the save is covered by the restart posting the last recorded status again.
        this.listeners = listeners.stream().sorted(Comparator.comparing(l -> !(l instanceof ResumePoint))).toList();
        this.statuses = statuses;
        this.links = links;
    }

    /** An environment was found (or resumed after a restart): its series exist from now on. */
    void found(String environment) {
        metrics.environmentFound(environment);
    }

    void forgotten(String environment) {
        metrics.environmentGone(environment);
    }

    void started(String environment, Revision revision) {
        metrics.environmentFound(environment);
        listeners.forEach(l -> l.started(environment, revision));
    }

    Reconciled record(Reconciled reconciled) {
        Outcome outcome = reconciled.outcome();
        progress.remove(outcome.environment());
        // A fault of ours is counted apart from the failures of targets: result="unexpected".
        metrics.reconciled(outcome.environment(), reconciled.cause() == Reconciled.Cause.UNEXPECTED ? UNEXPECTED
                : outcome.result().label(), outcome.duration());
        if (outcome.result() == Outcome.Result.SUCCESS) {
            metrics.lastSuccess(outcome.environment(), outcome.finished().getEpochSecond());
        }
        switch (reconciled.cause()) {
            case NOT_CONVERGED -> metrics.notConverged(outcome.environment());
            case NOT_FAST_FORWARD -> metrics.rewindRefused(outcome.environment());
            default -> {
            }
        }
        outcome.countsByProvider().forEach((provider, byResult) -> byResult.forEach((result, n) -> {
            if (APPLIED.contains(result)) {
                metrics.applied(outcome.environment(), provider, result.name().toLowerCase(), n.intValue());
            }
        }));
        LOG.info("reconcile environment={} commit={} trigger={} result={} took={}ms: {}", outcome.environment(),
                outcome.revision().shortCommit(), outcome.trigger(), outcome.result().label(),
                outcome.duration().toMillis(), outcome.summary());
        for (OutcomeListener listener : listeners) {
            try {
                listener.finished(outcome);
            } catch (RuntimeException e) {
                LOG.error("outcome listener {} failed: {}", listener.getClass().getSimpleName(), e.toString());
            }
        }
        return reconciled;
    }

    /**
     * An apply under way says how far it is (a migration by steps): the commit's pending status says it, and the page
     * and the API show it until the reconcile is recorded.
     */
    void progress(LoadedEnvironment env, String what) {
        progress.put(env.name(), what);
        statuses.post(env.revision().commit(), StatusContext.APPLY, env.name(), CommitStatus.State.PENDING, what,
                links.entry(env.name(), env.revision().commit()));
    }

    Optional<String> progress(String environment) {
        return Optional.ofNullable(progress.get(environment));
    }

    /** An apply of the environment's commit waits for its sync windows: a pending status says until when. */
    void waiting(LoadedEnvironment env, String why) {
        statuses.post(env.revision().commit(), StatusContext.APPLY, env.name(), CommitStatus.State.PENDING, why,
                links.entry(env.name(), env.revision().commit()));
    }

    /** A drift check: one gauge per provider checked, and {@code plumbline/<env>/drift} on the applied commit. */
    void drifted(LoadedEnvironment env, DriftChecker.Checked checked) {
        DriftReport report = checked.report();
        checked.providers().forEach(p -> metrics.drift(env.name(), p, (int) report.entries().stream()
                .filter(e -> e.provider().equals(p)).map(DriftEntry::resource).distinct().count()));
        statuses.post(env.revision().commit(), StatusContext.DRIFT, env.name(),
                report.entries().isEmpty() ? CommitStatus.State.SUCCESS : CommitStatus.State.FAILURE,
                describe(report), links.drift(env.name()));
    }

    private static String describe(DriftReport report) {
        if (report.entries().isEmpty()) {
            return "no drift";
        }
        DriftEntry first = report.entries().get(0);
        return report.resources() + " resources drifted; " + first.resource() + " " + first.field() + ": wanted "
                + first.wanted() + ", found " + first.found();
    }

    /** The environment an unloadable file would have declared: its file name without the extension. */
    public static String nameOf(String file) {
        return file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
    }
}
