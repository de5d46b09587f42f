package io.plumbline.report;

import java.util.OptionalInt;

/**
 * Where Plumbline keeps one comment per environment on a pull request of one host, edited in place: found again by
 * a hidden marker ({@link PullRequestComment#marker}), never posted twice. Calls block; run them off the
 * reconcile's path.
 */
public interface CommentThread {
    /** The number of the pull request whose head was found on {@code ref}, or empty when the host names no such ref. */
    OptionalInt pullRequest(String ref);

    /** Creates the environment's comment on the pull request, or replaces its text if it exists. */
    void upsert(int pullRequest, String environment, String markdown) throws StatusException;
}
