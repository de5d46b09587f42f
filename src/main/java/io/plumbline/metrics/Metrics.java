package io.plumbline.metrics;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Everything Plumbline measures, behind one small interface so that the engine needs no registry in
 * tests. Names as users see them are listed in {@link MicrometerMetrics}.
 */
public interface Metrics {
    /** An environment was found: its series start at zero, so rate() and increase() see its first failure. */
    default void environmentFound(String environment) {
    }

    /**
     * One finished reconcile; {@code result} is success, failure, invalid or refused, or unexpected for a failure
     * that was a fault of ours (an exception nothing expected), counted apart.
     */
    default void reconciled(String environment, String result, Duration took) {
    }

    default void lastSuccess(String environment, long epochSeconds) {
    }

    default void gitFetchFailed() {
    }

    default void drift(String environment, String provider, int resources) {
    }

    default void applied(String environment, String provider, String action, int count) {
    }

    default void statusPublishFailed(String host) {
    }

    /** The environment left the repository: every series labelled with it goes. */
    default void environmentGone(String environment) {
    }

    /** A failure that may pass is retried (after a backoff). */
    default void retryScheduled(String environment) {
    }

    /** An apply ended with a fresh plan that still differs. */
    default void notConverged(String environment) {
    }

    /** A branch head that does not descend from the last applied commit was refused. */
    default void rewindRefused(String environment) {
    }

    /** A commit failed health and the environment was rolled back to its last good commit (or tried to be). */
    default void rolledBack(String environment) {
    }

    /** Whether the newest commit of the repository could be loaded at all. */
    default void repositoryLoadable(boolean loadable) {
    }

    /** Whether this replica of a fleet reconciles the environment now. */
    default void owned(String environment, boolean owned) {
    }

    /**
     * The service watches the proxy agent of {@code host} for {@code environment}, which names it: {@code stale} says
     * at each look whether the agent has gone quiet. Idempotent.
     */
    default void agentWatched(String environment, String host, BooleanSupplier stale) {
    }

    /** The environment no longer names the host (or is gone): its agent is watched no more for it. */
    default void agentUnwatched(String environment, String host) {
    }

    /**
     * Something nothing expected escaped a task of ours ({@code where}: poll, timer, worker, status), an Error
     * included; logged at ERROR with its stack where it happened.
     */
    default void unexpected(String where) {
    }

    /**
     * A call to a target system was throttled (and retried by its client): {@code provider} as {@code aws},
     * {@code service} the target's own name of the API ({@code EC2}, {@code ACM}).
     */
    default void throttled(String provider, String service) {
    }

    /**
     * A look of this replica at the fleet's Leases failed for {@code reason} (namespace-missing, forbidden,
     * server-error, unreachable, refused, unexpected); a lost race is no error.
     */
    default void leaseError(String reason) {
    }

    /** A state file ({@code history}) could not be saved. */
    default void stateWriteFailed(String file) {
    }

    /** A plan comment on a pull request was given up (refused, or still failing after its retries). */
    default void planCommentFailed(String host) {
    }

    /** A migration by steps of {@code backend} now sends {@code percent} of its traffic to its new servers. */
    default void migrationStep(String environment, String backend, int percent) {
    }

    /** A migration by steps of {@code backend} failed its analysis and went back to its last good step. */
    default void migrationAborted(String environment, String backend) {
    }
}
