package io.plumbline.source.webhook;

import io.plumbline.source.webhook.WebhookEvent.BranchHead;
import io.plumbline.source.webhook.WebhookEvent.Ignored;
import io.plumbline.source.webhook.WebhookEvent.Push;
import java.util.List;
import java.util.Optional;

/** The push rules every host shares: only branch heads count, and a deleted branch has nothing to apply. */
final class Pushes {
    private static final String BRANCH_PREFIX = "refs/heads/";

    private Pushes() {
    }

    /** A push of one ref to {@code sha}, or the reason it is ignored. */
    static WebhookEvent single(GitHost host, String repository, String ref, String sha) {
        Optional<String> branch = branch(ref);
        if (branch.isEmpty()) {
            return new Ignored(host, "push to '" + ref + "' is not a branch");
        }
        if (isDeletion(sha)) {
            return new Ignored(host, "branch '" + branch.get() + "' was deleted");
        }
        return new Push(host, repository, List.of(new BranchHead(branch.get(), sha)));
    }

    /** The branch name of a full ref such as {@code refs/heads/main}. */
    static Optional<String> branch(String ref) {
        return ref.startsWith(BRANCH_PREFIX) && ref.length() > BRANCH_PREFIX.length()
                ? Optional.of(ref.substring(BRANCH_PREFIX.length())) : Optional.empty();
    }

    // Hosts report a deleted ref as moving to the all-zero object id.
    private static boolean isDeletion(String sha) {
        return sha.chars().allMatch(c -> c == '0');
    }
}
