package io.plumbline.engine.loop;

import io.plumbline.model.Outcome;

/**
 * A finished reconcile: the outcome everyone sees, and what the engine does next with it.
 *
 * @param applied true when something was written (or would have been, in plan-only mode): the commit becomes
 *                the one later heads must descend from
 */
public record Reconciled(Outcome outcome, Cause cause, boolean applied) {

    /** Why it ended as it did, typed, so no one parses the error text. */
    public enum Cause {
        /** Applied, healthy and converged (or planned, in plan-only mode). */
        DONE,
        /** Throttling, a 5xx, a timeout, a refused connection: retried with backoff until it passes. */
        TRANSIENT,
        /** An exception nothing expected: logged at ERROR, retried like a transient failure. */
        UNEXPECTED,
        /** Invalid input, a refusal, a rejected object: waits for a new commit. */
        PERMANENT,
        /** Applied, but what was applied never became healthy: waits for a new commit, or is rolled back. */
        UNHEALTHY,
        /** Applied, but a fresh plan still differs. */
        NOT_CONVERGED,
        /** The head does not descend from the last applied commit. */
        NOT_FAST_FORWARD
    }

    /** Whether the same commit is worth trying again later. */
    public boolean retry() {
        return cause == Cause.TRANSIENT || cause == Cause.UNEXPECTED;
    }
}
