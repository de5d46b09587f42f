package io.plumbline.model;

/**
 * What applying one change did. One record per object feeds logs, status text and metrics.
 *
 * @param message detail for FAILED and SKIPPED (never a secret)
 * @param failure for FAILED: why, which says what the engine does next
 */
public record ObjectResult(ResourceKey key, Result result, Action action, String message, Failure failure) {
    public enum Result { CREATED, CONFIGURED, UNCHANGED, DELETED, SKIPPED, FAILED }

    /** Why a change failed. */
    public enum Failure {
        /** Passing trouble (throttling, a 5xx, a timeout): the same commit is tried again. */
        PASSING,
        /** The target refused the change itself (a 4xx, an ownership conflict): it waits for a new commit. */
        REJECTED,
        /**
         * The target took the change in but did not come up on it (a proxy whose reload of the new configuration
         * failed): a health failure, rolled back like a rollout that never becomes ready.
         */
        UNHEALTHY
    }

    public ObjectResult(ResourceKey key, Result result, Action action, String message) {
        this(key, result, action, message, Failure.PASSING);
    }

    /** For FAILED: trying the same commit again cannot help. */
    public boolean permanent() {
        return failure != Failure.PASSING;
    }

    public static ObjectResult of(Change change, Result result) {
        return new ObjectResult(change.key(), result, change.action(), "");
    }

    /** A failure that may pass: the reconcile is retried with backoff. */
    public static ObjectResult failed(Change change, String message) {
        return new ObjectResult(change.key(), Result.FAILED, change.action(), message, Failure.PASSING);
    }

    /** A failure the target will repeat for this commit (validation, conflict): it waits for a new commit. */
    public static ObjectResult rejected(Change change, String message) {
        return new ObjectResult(change.key(), Result.FAILED, change.action(), message, Failure.REJECTED);
    }

    /** Taken in by the target, which did not come up on it: a health failure of this commit. */
    public static ObjectResult unhealthy(Change change, String message) {
        return new ObjectResult(change.key(), Result.FAILED, change.action(), message, Failure.UNHEALTHY);
    }

    public static ObjectResult skipped(Change change, String message) {
        return new ObjectResult(change.key(), Result.SKIPPED, change.action(), message);
    }

    /** The result of a change that was applied without error. */
    public static ObjectResult done(Change change) {
        return of(change, switch (change.action()) {
            case CREATE -> Result.CREATED;
            case UPDATE -> Result.CONFIGURED;
            case DELETE -> Result.DELETED;
            case NOOP -> Result.UNCHANGED;
            case ORPHAN, ADOPT -> Result.SKIPPED;
        });
    }
}
