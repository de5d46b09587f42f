package io.plumbline.engine.schedule;


/**
 * Where a queued run waits on the worker pool: a lane goes ahead of every lane declared after it, and within a lane
 * runs start in the order they were queued. Someone waits for the first two lanes; nobody waits for the last.
 */
public enum Lane {
    /** A commit that changed the environment, or an operator's request (API reconcile, resume, CLI). */
    CHANGED,
    /** A new commit that leaves the environment as it was, or a takeover by this replica of a fleet. */
    COMMIT,
    /** Drift checks and retries: they go after every commit waiting, so a backlog of them never delays one. */
    BACKGROUND;

    public static Lane of(Trigger trigger) {
        return switch (trigger) {
            case API, RESUME, CLI -> CHANGED;
            case WEBHOOK, POLL, TAKEOVER -> COMMIT;
            case DRIFT, RETRY -> BACKGROUND;
        };
    }

    /** The lane ahead of the two. */
    public Lane first(Lane other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
