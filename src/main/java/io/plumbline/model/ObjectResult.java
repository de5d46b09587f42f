package io.plumbline.model;

/**
 * What applying one change did. One record per object feeds logs, status text and metrics.
 *
 * @param message detail for FAILED and SKIPPED (never a secret)
 */
public record ObjectResult(ResourceKey key, Result result, Action action, String message) {
    public enum Result { CREATED, CONFIGURED, UNCHANGED, DELETED, SKIPPED, FAILED }

    public static ObjectResult of(Change change, Result result) {
        return new ObjectResult(change.key(), result, change.action(), "");
    }

    public static ObjectResult failed(Change change, String message) {
        return new ObjectResult(change.key(), Result.FAILED, change.action(), message);
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
