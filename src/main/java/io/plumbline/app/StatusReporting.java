package io.plumbline.app;

import io.plumbline.engine.history.History;
import io.plumbline.engine.history.OutcomeListener;
import io.plumbline.engine.loop.StatusSink;
import io.plumbline.model.Outcome;
import io.plumbline.model.Revision;
import io.plumbline.report.CommitStatus;
import io.plumbline.report.StatusContext;
import io.plumbline.report.StatusPublisher;
import io.plumbline.report.Statuses;
import java.util.Locale;

/**
 * Connects the engine to the status publisher: {@code plumbline/<env>} pending and final for every reconcile of
 * a commit, and the drift and plan statuses the engine posts. Nothing here blocks: the publisher queues.
 */
public final class StatusReporting implements OutcomeListener, StatusSink {
    private final StatusPublisher publisher;
    private final Statuses statuses;

    public StatusReporting(StatusPublisher publisher, Statuses statuses) {
        this.publisher = publisher;
        this.statuses = statuses;
    }

    @Override
    public void started(String environment, Revision revision) {
        if (!revision.equals(Revision.WORKING_TREE)) {
            publisher.submit(statuses.pending(environment, revision, StatusContext.APPLY));
        }
    }

    @Override
    public void finished(Outcome outcome) {
        if (!outcome.revision().equals(Revision.WORKING_TREE)) {
            publisher.submit(statuses.finished(outcome, StatusContext.APPLY));
        }
    }

    /**
     * Submits again the final status of each environment's last reconcile that is not reconciled again at start (a
     * failure is). The publisher posts in the background, so a service stopped between recording a reconcile and
     * posting its status would otherwise leave the commit pending for good: the restarted service does not
     * reconcile that commit again. The publisher's memory of posted statuses drops one the host already has; one
     * posted by a service stopped before it could remember so is posted a second time, with the same content.
     */
    public void resubmitLast(History history) {
        for (String environment : history.environments()) {
            history.latest(environment)
                    .filter(e -> !e.result().equals(Outcome.Result.FAILURE.label()))
                    .filter(e -> !e.commit().equals(Revision.WORKING_TREE.commit()))
                    .ifPresent(e -> publisher.submit(statuses.finished(environment, e.commit(),
                            Outcome.Result.valueOf(e.result().toUpperCase(Locale.ROOT)), e.summary(),
                            StatusContext.APPLY)));
        }
    }

    @Override
    public void post(String commit, StatusContext kind, String environment, CommitStatus.State state,
                     String description, String targetUrl) {
        publisher.submit(new CommitStatus(commit, statuses.context(kind, environment), state, description,
                targetUrl == null || targetUrl.isEmpty() ? null : targetUrl));
    }
}
