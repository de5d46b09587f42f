package io.plumbline.report;

/**
 * Posts one commit status to one place (a Git host's API or the repository's notes). Posting the same status
 * twice must be harmless. Implementations block for at most their request timeout; the
 * {@link StatusPublisher} keeps that off the reconcile's path.
 */
public interface StatusReporter {
    void post(CommitStatus status) throws StatusException;

    /** A short name for logs and metrics: {@code github}, {@code gitlab}, ..., {@code notes}. */
    String host();
}
