package io.plumbline.engine;

import io.plumbline.metrics.Metrics;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Outcome;
import io.plumbline.model.Revision;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a finished reconcile is written down: metrics, the log line, and the listeners (history,
 * commit statuses). A listener that fails is logged and does not stop the others.
 */
final class OutcomeRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    /** What counts in {@code plumbline_changes_applied_total}: objects actually written. */
    private static final Set<ObjectResult.Result> APPLIED = EnumSet.of(
            ObjectResult.Result.CREATED, ObjectResult.Result.CONFIGURED, ObjectResult.Result.DELETED);

    private final Metrics metrics;
    private final List<OutcomeListener> listeners;

    OutcomeRecorder(Metrics metrics, List<OutcomeListener> listeners) {
        this.metrics = metrics;
        this.listeners = List.copyOf(listeners);
    }

    void started(String environment, Revision revision) {
        metrics.environmentFound(environment);
        listeners.forEach(l -> l.started(environment, revision));
    }

    /** Known without a reconcile (resumed after a restart): its series exist all the same. */
    void found(String environment) {
        metrics.environmentFound(environment);
    }

    Outcome record(Outcome outcome) {
        metrics.reconciled(outcome.environment(), outcome.result().label(), outcome.duration());
        if (outcome.result() == Outcome.Result.SUCCESS) {
            metrics.lastSuccess(outcome.environment(), outcome.finished().getEpochSecond());
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
                LOG.warn("outcome listener {} failed: {}", listener.getClass().getSimpleName(), e.getMessage());
            }
        }
        return outcome;
    }

    /** The environment an unloadable file would have declared: its file name without the extension. */
    static String nameOf(String file) {
        return file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
    }
}
