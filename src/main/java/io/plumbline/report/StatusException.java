package io.plumbline.report;

import java.time.Duration;
import java.util.Optional;

/** A status could not be posted. The kind says whether trying again can help, and when. */
public final class StatusException extends Exception {
    /** What the publisher does next. */
    public enum Kind {
        /** The host or network failed (5xx, timeout, refused): retry later with backoff. */
        TRANSIENT,
        /** The host asked us to slow down: retry after {@link #retryAfter()}. */
        RATE_LIMITED,
        /** The request itself is wrong or not allowed (4xx): retrying cannot help. */
        PERMANENT
    }

    private final Kind kind;
    private final transient Duration retryAfter;

    private StatusException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public static StatusException transientFailure(String message, Throwable cause) {
        return new StatusException(Kind.TRANSIENT, message, null, cause);
    }

    /** @param retryAfter how long the host asked us to wait; null when it did not say */
    public static StatusException rateLimited(String message, Duration retryAfter) {
        return new StatusException(Kind.RATE_LIMITED, message, retryAfter, null);
    }

    public static StatusException permanent(String message) {
        return new StatusException(Kind.PERMANENT, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
