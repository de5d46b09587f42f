package io.plumbline.source.webhook;

import io.plumbline.source.webhook.WebhookEvent.Ignored;
import io.plumbline.source.webhook.WebhookEvent.PullRequest;
import io.plumbline.source.webhook.WebhookEvent.PullRequestAction;

/** GitLab's {@code Push Hook} and {@code Merge Request Hook} payloads. */
final class GitLabPayloads {
    private GitLabPayloads() {
    }

    static WebhookEvent parse(String event, byte[] body) throws WebhookRejectedException {
        return switch (event) {
            case "Push Hook" -> push(Payload.parse(GitHost.GITLAB, event, body));
            case "Merge Request Hook" -> mergeRequest(Payload.parse(GitHost.GITLAB, event, body));
            default -> new Ignored(GitHost.GITLAB, "GitLab event '" + event + "' is not handled");
        };
    }

    // checkout_sha is the new head and is null when the branch was deleted; after then holds the zero id.
    private static WebhookEvent push(Payload payload) throws WebhookRejectedException {
        String sha = payload.optionalText("checkout_sha").orElse(payload.text("after"));
        return Pushes.single(GitHost.GITLAB, payload.text("project.path_with_namespace"), payload.text("ref"), sha);
    }

    private static WebhookEvent mergeRequest(Payload payload) throws WebhookRejectedException {
        String action = payload.text("object_attributes.action");
        PullRequestAction known = switch (action) {
            case "open" -> PullRequestAction.OPENED;
            case "reopen" -> PullRequestAction.REOPENED;
            case "close", "merge" -> PullRequestAction.CLOSED;
            // an update carries oldrev only when new commits were pushed; other updates are title, labels...
            case "update" -> payload.isNull("object_attributes.oldrev") ? null : PullRequestAction.SYNCHRONIZE;
            default -> null;
        };
        if (known == null) {
            return new Ignored(GitHost.GITLAB, action.equals("update") ? "merge request updated without new commits"
                    : "merge request action '" + action + "' is not handled");
        }
        return new PullRequest(GitHost.GITLAB, payload.text("project.path_with_namespace"),
                payload.number("object_attributes.iid"), known, payload.text("object_attributes.last_commit.id"),
                payload.text("object_attributes.source_branch"), payload.text("object_attributes.target_branch"));
    }
}
