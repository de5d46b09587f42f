package io.plumbline.source.webhook;

import static io.plumbline.source.webhook.GitHost.BITBUCKET;
import static io.plumbline.source.webhook.GitHost.GITEA;
import static io.plumbline.source.webhook.GitHost.GITHUB;
import static io.plumbline.source.webhook.GitHost.GITLAB;
import static io.plumbline.source.webhook.WebhookEvent.PullRequestAction.CLOSED;
import static io.plumbline.source.webhook.WebhookEvent.PullRequestAction.OPENED;
import static io.plumbline.source.webhook.WebhookEvent.PullRequestAction.SYNCHRONIZE;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.source.webhook.WebhookEvent.BranchHead;
import io.plumbline.source.webhook.WebhookEvent.Ignored;
import io.plumbline.source.webhook.WebhookEvent.Ping;
import io.plumbline.source.webhook.WebhookEvent.PullRequest;
import io.plumbline.source.webhook.WebhookEvent.Push;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every event type of every host, read from payloads in the shape each host documents. */
class PayloadParsingTest {
    private final WebhookReceiver receiver = new WebhookReceiver();

    @Test
    void githubPush() throws Exception {
        assertThat(receive(GITHUB, "push", "github/push.json")).isEqualTo(new Push(GITHUB,
                "example-org/infrastructure", List.of(new BranchHead("main",
                        "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c"))));
    }

    @Test
    void githubBranchDeletionAndTagPushAreIgnored() throws Exception {
        assertThat(receive(GITHUB, "push", "github/push-branch-deleted.json"))
                .isEqualTo(new Ignored(GITHUB, "branch 'try-larger-nodes' was deleted"));
        assertThat(receive(GITHUB, "push", "github/push-tag.json"))
                .isEqualTo(new Ignored(GITHUB, "push to 'refs/tags/v2025.03.14' is not a branch"));
    }

    @Test
    void githubPullRequests() throws Exception {
        assertThat(receive(GITHUB, "pull_request", "github/pull_request-opened.json")).isEqualTo(new PullRequest(
                GITHUB, "example-org/infrastructure", 42, OPENED, "9c4e1f7a2b3d4c5e6f708192a3b4c5d6e7f80912",
                "scale-frontend", "main"));
        assertThat(receive(GITHUB, "pull_request", "github/pull_request-synchronize.json"))
                .isInstanceOfSatisfying(PullRequest.class, pr -> {
                    assertThat(pr.action()).isEqualTo(SYNCHRONIZE);
                    assertThat(pr.headSha()).isEqualTo("5f0e2d7c9a1b3c4d5e6f7a8b9c0d1e2f3a4b5c6d");
                });
        assertThat(receive(GITHUB, "pull_request", "github/pull_request-closed.json"))
                .isInstanceOfSatisfying(PullRequest.class, pr -> assertThat(pr.action()).isEqualTo(CLOSED));
        assertThat(receive(GITHUB, "pull_request", "github/pull_request-labeled.json"))
                .isEqualTo(new Ignored(GITHUB, "pull request action 'labeled' is not handled"));
    }

    @Test
    void githubPingAndOtherEvents() throws Exception {
        assertThat(receive(GITHUB, "ping", "github/ping.json")).isEqualTo(new Ping(GITHUB));
        assertThat(receive(GITHUB, "issues", "github/ping.json"))
                .isEqualTo(new Ignored(GITHUB, "GitHub event 'issues' is not handled"));
    }

    @Test
    void gitlabPush() throws Exception {
        assertThat(receive(GITLAB, "Push Hook", "gitlab/push.json")).isEqualTo(new Push(GITLAB,
                "platform/infrastructure", List.of(new BranchHead("main",
                        "da1560886d4f094c3e6c9ef40349f7d38b5d27d7"))));
        assertThat(receive(GITLAB, "Push Hook", "gitlab/push-branch-deleted.json"))
                .isEqualTo(new Ignored(GITLAB, "branch 'try-larger-nodes' was deleted"));
        assertThat(receive(GITLAB, "Tag Push Hook", "gitlab/push.json"))
                .isEqualTo(new Ignored(GITLAB, "GitLab event 'Tag Push Hook' is not handled"));
    }

    @Test
    void gitlabMergeRequests() throws Exception {
        assertThat(receive(GITLAB, "Merge Request Hook", "gitlab/merge_request-open.json")).isEqualTo(
                new PullRequest(GITLAB, "platform/infrastructure", 7, OPENED,
                        "b83d6e391c22777fca1ed3012fce84f633d7fed0", "nightly-scale-down", "main"));
        assertThat(receive(GITLAB, "Merge Request Hook", "gitlab/merge_request-update-new-commits.json"))
                .isInstanceOfSatisfying(PullRequest.class, mr -> {
                    assertThat(mr.action()).isEqualTo(SYNCHRONIZE);
                    assertThat(mr.headSha()).isEqualTo("e4f1a0c7d2b9384756aa1b2c3d4e5f6071829304");
                });
        assertThat(receive(GITLAB, "Merge Request Hook", "gitlab/merge_request-update-title.json"))
                .isEqualTo(new Ignored(GITLAB, "merge request updated without new commits"));
        assertThat(receive(GITLAB, "Merge Request Hook", "gitlab/merge_request-merge.json"))
                .isInstanceOfSatisfying(PullRequest.class, mr -> assertThat(mr.action()).isEqualTo(CLOSED));
    }

    @Test
    void giteaPushAndPullRequests() throws Exception {
        assertThat(receive(GITEA, "push", "gitea/push.json")).isEqualTo(new Push(GITEA, "platform/infrastructure",
                List.of(new BranchHead("main", "bffeb74224043ba2feb48d137756c8a9331c449a"))));
        assertThat(receive(GITEA, "pull_request", "gitea/pull_request-synchronized.json")).isEqualTo(
                new PullRequest(GITEA, "platform/infrastructure", 12, SYNCHRONIZE,
                        "71c3f0a9e8d7c6b5a4938271605f4e3d2c1b0a99", "acm-certificate", "main"));
        assertThat(receive(GITEA, "pull_request", "gitea/pull_request-opened.json"))
                .isInstanceOfSatisfying(PullRequest.class, pr -> assertThat(pr.action()).isEqualTo(OPENED));
    }

    @Test
    void bitbucketPushKeepsOnlyBranchesMovedToACommit() throws Exception {
        assertThat(receive(BITBUCKET, "repo:push", "bitbucket/repo-push.json")).isEqualTo(new Push(BITBUCKET,
                "example-org/infrastructure", List.of(new BranchHead("main",
                        "4f2c9e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4"))));
        assertThat(receive(BITBUCKET, "repo:push", "bitbucket/repo-push-no-branch.json"))
                .isEqualTo(new Ignored(BITBUCKET, "push moved no branch to a new commit"));
    }

    @Test
    void bitbucketPullRequests() throws Exception {
        assertThat(receive(BITBUCKET, "pullrequest:created", "bitbucket/pullrequest-created.json")).isEqualTo(
                new PullRequest(BITBUCKET, "example-org/infrastructure", 3, OPENED, "d3c1f0b7a2e9",
                        "https-listener", "main"));
        assertThat(receive(BITBUCKET, "pullrequest:updated", "bitbucket/pullrequest-created.json"))
                .isInstanceOfSatisfying(PullRequest.class, pr -> assertThat(pr.action()).isEqualTo(SYNCHRONIZE));
        assertThat(receive(BITBUCKET, "pullrequest:fulfilled", "bitbucket/pullrequest-fulfilled.json"))
                .isInstanceOfSatisfying(PullRequest.class, pr -> assertThat(pr.action()).isEqualTo(CLOSED));
        assertThat(receive(BITBUCKET, "pullrequest:comment_created", "bitbucket/pullrequest-created.json"))
                .isEqualTo(new Ignored(BITBUCKET, "Bitbucket event 'pullrequest:comment_created' is not handled"));
    }

    private WebhookEvent receive(GitHost host, String event, String fixture) throws WebhookRejectedException {
        byte[] body = Deliveries.fixture(fixture);
        return receiver.receive(host, Deliveries.signed(host, event, body, Deliveries.SECRET.value()), body,
                Deliveries.SECRET);
    }
}
