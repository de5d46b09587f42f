package io.plumbline.engine.history;

import io.plumbline.model.Outcome;

/** Told of every finished reconcile (history, commit statuses). Must not throw and must not block for long. */
public interface OutcomeListener {
    void finished(Outcome outcome);

    /** Told when a reconcile of an environment at a revision starts (a pending status). */
    default void started(String environment, io.plumbline.model.Revision revision) {
    }
}
