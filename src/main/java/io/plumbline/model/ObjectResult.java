package io.plumbline.model;

/**
 * What applying one change did. One record per object feeds logs, status text and metrics.
 *
 * @param message   detail for FAILED and SKIPPED (never a secret)
 * @param permanent for FAILED: the target refused the change itself (a 4xx, an ownership conflict), so trying
 *                  the same commit again cannot help; false for passing trouble (throttling, a 5xx, a timeout)
 */
public record ObjectResult(ResourceKey key, Result result, Action action, String message, boolean permanent) {
    public enum Result { CREATED, CONFIGURED, UNCHANGED, DELETED, SKIPPED, FAILED }

    public ObjectResult(ResourceKey key, Result result, Action action, String message) {
        this(key, result, action, message, false);
    }

    public static ObjectResult of(Change change, Result result) {
        return new ObjectResult(change.key(), result, change.action(), "");
    }

    /** A failure that may pass: the reconcile is retried with backoff. */
    public static ObjectResult failed(Change change, String message) {
        return new ObjectResult(change.key(), Result.FAILED, change.action(), message, false);
    }

    /** A failure the target will repeat for this commit (validation, conflict): it waits for a new commit. */
    public static ObjectResult rejected(Change change, String message) {
        return new ObjectResult(change.key(), Result.FAILED, change.action(), message, true);
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
