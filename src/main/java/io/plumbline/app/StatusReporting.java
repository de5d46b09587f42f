package io.plumbline.app;

import io.plumbline.engine.history.OutcomeListener;
import io.plumbline.engine.loop.StatusSink;
import io.plumbline.model.Outcome;
import io.plumbline.model.Revision;
import io.plumbline.report.CommitStatus;
import io.plumbline.report.StatusContext;
import io.plumbline.report.StatusPublisher;
import io.plumbline.report.Statuses;

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

    @Override
    public void post(String commit, StatusContext kind, String environment, CommitStatus.State state,
                     String description, String targetUrl) {
        publisher.submit(new CommitStatus(commit, statuses.context(kind, environment), state, description,
                targetUrl == null || targetUrl.isEmpty() ? null : targetUrl));
    }
}
