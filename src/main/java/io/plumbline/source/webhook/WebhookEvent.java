package io.plumbline.source.webhook;

import java.util.List;

/**
 * What a webhook delivery asks of Plumbline, in the same shape whichever host sent it. Repository names are
 * the host's full name ({@code owner/name}, or a GitLab path with namespace).
 */
public sealed interface WebhookEvent {
    GitHost host();

    /** New commits on one or more branches (Bitbucket may report several branches in one delivery). */
    record Push(GitHost host, String repository, List<BranchHead> heads) implements WebhookEvent {
        public Push {
            heads = List.copyOf(heads);
        }
    }

    /** A branch and the full commit sha it now points at. */
    record BranchHead(String branch, String sha) {
    }

    /**
     * A pull (GitLab: merge) request changed. {@code headSha} is the full sha, except from Bitbucket, which
     * sends an abbreviated one (12 hex digits) that must be resolved against the fetched pull-request head.
     */
    record PullRequest(GitHost host, String repository, long number, PullRequestAction action, String headSha,
            String headBranch, String baseBranch) implements WebhookEvent {
    }

    /** The host checking that the hook is reachable (GitHub sends one when a hook is created). */
    record Ping(GitHost host) implements WebhookEvent {
    }

    /** A well-formed delivery Plumbline has nothing to do for; the reason is safe to return to the sender. */
    record Ignored(GitHost host, String reason) implements WebhookEvent {
    }

    /** What happened to a pull request; edits, labels, reviews and the like are ignored instead. */
    enum PullRequestAction {
        OPENED, SYNCHRONIZE, REOPENED, CLOSED
    }
}
