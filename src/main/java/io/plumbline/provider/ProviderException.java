package io.plumbline.provider;

/**
 * A provider could not do its work. {@code retryable} errors (throttling, timeouts, conflicts, 5xx) are
 * retried with backoff; the others (refused by a safety rule, rejected configuration) wait for a new commit.
 */
public class ProviderException extends RuntimeException {
    private final boolean retryable;

    public ProviderException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public static ProviderException retryable(String message, Throwable cause) {
        return new ProviderException(message, true, cause);
    }

    public static ProviderException refused(String message) {
        return new ProviderException(message, false, null);
    }

    public boolean retryable() {
        return retryable;
    }
}
