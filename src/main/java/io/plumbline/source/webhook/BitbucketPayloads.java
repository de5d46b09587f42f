package io.plumbline.source.webhook;

import io.plumbline.source.webhook.WebhookEvent.BranchHead;
import io.plumbline.source.webhook.WebhookEvent.Ignored;
import io.plumbline.source.webhook.WebhookEvent.PullRequest;
import io.plumbline.source.webhook.WebhookEvent.PullRequestAction;
import io.plumbline.source.webhook.WebhookEvent.Push;
import java.util.ArrayList;
import java.util.List;

/** Bitbucket Cloud's {@code repo:push} and {@code pullrequest:*} payloads. */
final class BitbucketPayloads {
    private BitbucketPayloads() {
    }

    static WebhookEvent parse(String event, byte[] body) throws WebhookRejectedException {
        PullRequestAction action = switch (event) {
            case "pullrequest:created" -> PullRequestAction.OPENED;
            // also sent for title or description edits, which cannot be told apart; a repeated plan is harmless
            case "pullrequest:updated" -> PullRequestAction.SYNCHRONIZE;
            case "pullrequest:fulfilled", "pullrequest:rejected" -> PullRequestAction.CLOSED;
            default -> null;
        };
        if (action != null) {
            return pullRequest(Payload.parse(GitHost.BITBUCKET, event, body), action);
        }
        if (event.equals("repo:push")) {
            return push(Payload.parse(GitHost.BITBUCKET, event, body));
        }
        return new Ignored(GitHost.BITBUCKET, "Bitbucket event '" + event + "' is not handled");
    }

    // One push may move several branches and tags; "new" is null for a deleted branch.
    private static WebhookEvent push(Payload payload) throws WebhookRejectedException {
        List<BranchHead> heads = new ArrayList<>();
        for (Payload change : payload.array("push.changes")) {
            if (!change.isNull("new") && change.text("new.type").equals("branch")) {
                heads.add(new BranchHead(change.text("new.name"), change.text("new.target.hash")));
            }
        }
        if (heads.isEmpty()) {
            return new Ignored(GitHost.BITBUCKET, "push moved no branch to a new commit");
        }
        return new Push(GitHost.BITBUCKET, payload.text("repository.full_name"), heads);
    }

    private static WebhookEvent pullRequest(Payload payload, PullRequestAction action)
            throws WebhookRejectedException {
        return new PullRequest(GitHost.BITBUCKET, payload.text("repository.full_name"),
                payload.number("pullrequest.id"), action, payload.text("pullrequest.source.commit.hash"),
                payload.text("pullrequest.source.branch.name"), payload.text("pullrequest.destination.branch.name"));
    }
}
