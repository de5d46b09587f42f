package io.plumbline.source.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.source.webhook.WebhookEvent.BranchHead;
import io.plumbline.source.webhook.WebhookEvent.Ignored;
import io.plumbline.source.webhook.WebhookEvent.Ping;
import io.plumbline.source.webhook.WebhookEvent.PullRequest;
import io.plumbline.source.webhook.WebhookEvent.PullRequestAction;
import io.plumbline.source.webhook.WebhookEvent.Push;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every event type of every host, read from payloads in the shape each host documents. */
class PayloadParsingTest {
    private final WebhookReceiver receiver = new WebhookReceiver();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GITHUB,    push,      github/push.json,         example-org/infrastructure, 0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c",
        "GITLAB,    Push Hook, gitlab/push.json,         platform/infrastructure,    da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
        "GITEA,     push,      gitea/push.json,          platform/infrastructure,    bffeb74224043ba2feb48d137756c8a9331c449a",
        // besides main, this push deletes a branch and creates a tag, which do not count
        "BITBUCKET, repo:push, bitbucket/repo-push.json, example-org/infrastructure, 4f2c9e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4",
    })
    void aPushToMainNamesTheNewHead(GitHost host, String event, String fixture, String repository, String sha)
            throws Exception {
        assertThat(receive(host, event, fixture))
                .isEqualTo(new Push(host, repository, List.of(new BranchHead("main", sha))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "GITHUB,    pull_request,          github/pull_request-opened.json,             42, OPENED,      "
                + "9c4e1f7a2b3d4c5e6f708192a3b4c5d6e7f80912, scale-frontend,     example-org/infrastructure",
        "GITHUB,    pull_request,          github/pull_request-synchronize.json,        42, SYNCHRONIZE, "
                + "5f0e2d7c9a1b3c4d5e6f7a8b9c0d1e2f3a4b5c6d, scale-frontend,     example-org/infrastructure",
        "GITHUB,    pull_request,          github/pull_request-closed.json,             42, CLOSED,      "
                + "9c4e1f7a2b3d4c5e6f708192a3b4c5d6e7f80912, scale-frontend,     example-org/infrastructure",
        "GITLAB,    Merge Request Hook,    gitlab/merge_request-open.json,               7, OPENED,      "
                + "b83d6e391c22777fca1ed3012fce84f633d7fed0, nightly-scale-down, platform/infrastructure",
        "GITLAB,    Merge Request Hook,    gitlab/merge_request-update-new-commits.json, 7, SYNCHRONIZE, "
                + "e4f1a0c7d2b9384756aa1b2c3d4e5f6071829304, nightly-scale-down, platform/infrastructure",
        "GITLAB,    Merge Request Hook,    gitlab/merge_request-merge.json,              7, CLOSED,      "
                + "b83d6e391c22777fca1ed3012fce84f633d7fed0, nightly-scale-down, platform/infrastructure",
        "GITEA,     pull_request,          gitea/pull_request-opened.json,              12, OPENED,      "
                + "71c3f0a9e8d7c6b5a4938271605f4e3d2c1b0a99, acm-certificate,    platform/infrastructure",
        "GITEA,     pull_request,          gitea/pull_request-synchronized.json,        12, SYNCHRONIZE, "
                + "71c3f0a9e8d7c6b5a4938271605f4e3d2c1b0a99, acm-certificate,    platform/infrastructure",
        // Bitbucket sends abbreviated commit hashes in pull-request payloads
        "BITBUCKET, pullrequest:created,   bitbucket/pullrequest-created.json,           3, OPENED,      "
                + "d3c1f0b7a2e9,                             https-listener,     example-org/infrastructure",
        "BITBUCKET, pullrequest:updated,   bitbucket/pullrequest-created.json,           3, SYNCHRONIZE, "
                + "d3c1f0b7a2e9,                             https-listener,     example-org/infrastructure",
        "BITBUCKET, pullrequest:fulfilled, bitbucket/pullrequest-fulfilled.json,         3, CLOSED,      "
                + "d3c1f0b7a2e9,                             https-listener,     example-org/infrastructure",
    })
    void aPullRequestIntoMainNamesItsNumberActionAndHead(GitHost host, String event, String fixture, long number,
            PullRequestAction action, String headSha, String headBranch, String repository) throws Exception {
        assertThat(receive(host, event, fixture))
                .isEqualTo(new PullRequest(host, repository, number, action, headSha, headBranch, "main"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "GITHUB    | push                        | github/push-branch-deleted.json      | branch 'try-larger-nodes' was deleted",
        "GITHUB    | push                        | github/push-tag.json                 | push to 'refs/tags/v2025.03.14' is not a branch",
        "GITHUB    | pull_request                | github/pull_request-labeled.json     | pull request action 'labeled' is not handled",
        "GITHUB    | issues                      | github/ping.json                     | GitHub event 'issues' is not handled",
        "GITLAB    | Push Hook                   | gitlab/push-branch-deleted.json      | branch 'try-larger-nodes' was deleted",
        "GITLAB    | Merge Request Hook          | gitlab/merge_request-update-title.json | merge request updated without new commits",
        "GITLAB    | Tag Push Hook               | gitlab/push.json                     | GitLab event 'Tag Push Hook' is not handled",
        "GITEA     | issues                      | gitea/push.json                      | Gitea event 'issues' is not handled",
        "BITBUCKET | repo:push                   | bitbucket/repo-push-no-branch.json   | push moved no branch to a new commit",
        "BITBUCKET | pullrequest:comment_created | bitbucket/pullrequest-created.json   | Bitbucket event 'pullrequest:comment_created' is not handled",
    })
    void otherDeliveriesAreIgnoredWithAReason(GitHost host, String event, String fixture, String reason)
            throws Exception {
        assertThat(receive(host, event, fixture)).isEqualTo(new Ignored(host, reason));
    }

    @Test
    void githubPing() throws Exception {
        assertThat(receive(GitHost.GITHUB, "ping", "github/ping.json")).isEqualTo(new Ping(GitHost.GITHUB));
    }

    private WebhookEvent receive(GitHost host, String event, String fixture) throws WebhookRejectedException {
        byte[] body = Deliveries.fixture(fixture);
        return receiver.receive(host, Deliveries.signed(host, event, body, Deliveries.SECRET.value()), body,
                Deliveries.SECRET);
    }
}
