package io.plumbline.source.webhook;

import io.plumbline.source.webhook.WebhookEvent.Ignored;
import io.plumbline.source.webhook.WebhookEvent.Ping;
import io.plumbline.source.webhook.WebhookEvent.PullRequest;
import io.plumbline.source.webhook.WebhookEvent.PullRequestAction;
import java.util.Map;

/**
 * GitHub's {@code push}, {@code pull_request} and {@code ping} payloads. Gitea and Forgejo send the same shapes
 * under the same event names, so they are read here too; only some action names differ.
 */
final class GitHubPayloads {
    private static final Map<String, PullRequestAction> ACTIONS = Map.of(
            "opened", PullRequestAction.OPENED,
            "synchronize", PullRequestAction.SYNCHRONIZE,
            "synchronized", PullRequestAction.SYNCHRONIZE, // Gitea's spelling
            "reopened", PullRequestAction.REOPENED,
            "closed", PullRequestAction.CLOSED);

    private GitHubPayloads() {
    }

    static WebhookEvent parse(GitHost host, String event, byte[] body) throws WebhookRejectedException {
        return switch (event) {
            case "push" -> push(host, Payload.parse(host, event, body));
            case "pull_request" -> pullRequest(host, Payload.parse(host, event, body));
            case "ping" -> {
                // read all the same, so that a hook set up with the wrong content type fails its first delivery
                Payload.parse(host, event, body);
                yield new Ping(host);
            }
            default -> new Ignored(host, host + " event '" + event + "' is not handled");
        };
    }

    private static WebhookEvent push(GitHost host, Payload payload) throws WebhookRejectedException {
        return Pushes.single(host, payload.text("repository.full_name"), payload.text("ref"), payload.text("after"));
    }

    private static WebhookEvent pullRequest(GitHost host, Payload payload) throws WebhookRejectedException {
        String action = payload.text("action");
        PullRequestAction known = ACTIONS.get(action);
        if (known == null) {
            return new Ignored(host, "pull request action '" + action + "' is not handled");
        }
        return new PullRequest(host, payload.text("repository.full_name"), payload.number("number"), known,
                payload.text("pull_request.head.sha"), payload.text("pull_request.head.ref"),
                payload.text("pull_request.base.ref"));
    }
}
