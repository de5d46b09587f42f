package io.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plan comment on a pull request, against GitHub's issue comments API, GitLab's merge-request notes API and
 * Bitbucket Server's pull-request comments played on 127.0.0.1 as documented. (Gitea's, which has GitHub's shape,
 * runs against a real Gitea in the e2e tests.)
 */
class PullRequestCommentIT {
    static final String REPO = "plumbline-demo/config";
    CommentsApi github;
    StatusHostServer server;
    PullRequestComment comment;

    @BeforeEach
    void start() {
        github = CommentsApi.github(REPO, StatusReportersIT.TOKEN).seed(7, "Looks good to me")
                .seed(7, "Can we scale to five?").seed(7, "Done.").seed(8, "Another pull request");
        server = StatusHostServer.start(github);
        comment = PullRequestComment.github(server.url(), new RepositoryPath(REPO), new Token(StatusReportersIT.TOKEN),
                Timeouts.DEFAULT, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theFirstPlanIsPostedAndLaterOnesEditItInPlace() throws Exception {
        comment.upsert(7, "staging", "**staging**: 1 change\n- update Deployment example/frontend");
        comment.upsert(7, "staging", "**staging**: 2 changes");

        assertThat(github.comments(7)).hasSize(4).last().satisfies(c -> assertThat(c.body())
                .isEqualTo(PullRequestComment.marker("staging") + "\n**staging**: 2 changes"));
        assertThat(server.answers()).filteredOn(a -> a.startsWith("201")).hasSize(1);
        assertThat(github.comments(8)).hasSize(1);
    }

    @Test
    void eachEnvironmentKeepsItsOwnComment() throws Exception {
        comment.upsert(7, "staging", "staging plan");
        comment.upsert(7, "production", "production plan");
        comment.upsert(7, "production", "production plan, again");

        assertThat(github.comments(7)).extracting(CommentsApi.Comment::body).endsWith(
                PullRequestComment.marker("staging") + "\nstaging plan",
                PullRequestComment.marker("production") + "\nproduction plan, again");
    }

    @Test
    void onGitLabTheMergeRequestNoteIsPostedOnceAndEditedInPlace() throws Exception {
        CommentsApi gitlab = CommentsApi.gitlab("acme/infra", StatusReportersIT.TOKEN).seed(7, "LGTM")
                .seed(7, "Scale to five?").seed(7, "Done.").seed(8, "Another merge request");
        try (StatusHostServer host = StatusHostServer.start(gitlab)) {
            PullRequestComment note = PullRequestComment.gitlab(host.url(), new RepositoryPath("acme/infra"),
                    new Token(StatusReportersIT.TOKEN), Timeouts.DEFAULT, Clock.systemUTC());

            note.upsert(7, "staging", "**staging**: 1 change");
            note.upsert(7, "staging", "**staging**: 2 changes");

            assertThat(gitlab.comments(7)).hasSize(4).last().satisfies(c -> assertThat(c.body())
                    .isEqualTo(PullRequestComment.marker("staging") + "\n**staging**: 2 changes"));
            assertThat(host.answers()).as("every request matched GitLab's documented API")
                    .allMatch(a -> a.startsWith("2")).filteredOn(a -> a.startsWith("201")).hasSize(1);
            assertThat(gitlab.comments(8)).hasSize(1);
        }
    }

    @Test
    void eachHostNamesItsPullRequestsByItsOwnRefs() {
        PullRequestComment gitlab = PullRequestComment.gitlab("https://gitlab.example.com",
                new RepositoryPath("acme/infra"), new Token("t"), Timeouts.DEFAULT, Clock.systemUTC());

        assertThat(gitlab.pullRequest("refs/merge-requests/12/head")).hasValue(12);
        assertThat(gitlab.pullRequest("refs/pull/12/head")).isEmpty();
        assertThat(comment.pullRequest("refs/pull/12/head")).hasValue(12);
        assertThat(comment.pullRequest("refs/merge-requests/12/head")).isEmpty();
        assertThat(comment.pullRequest("refs/pull/12/merge")).isEmpty();
    }

    @Test
    void onBitbucketServerTheCommentIsFoundInTheActivitiesAndEditedAtTheVersionRead() throws Exception {
        BitbucketServerCommentsApi bitbucket = new BitbucketServerCommentsApi("ACME", "infra", StatusReportersIT.TOKEN)
                .seed(7, "LGTM").seed(7, "Scale to five?").seed(7, "Done.").seed(8, "Another pull request");
        try (StatusHostServer host = StatusHostServer.start(bitbucket)) {
            BitbucketServerComment comment = new BitbucketServerComment(host.url(), new RepositoryPath("ACME/infra"),
                    new Token(StatusReportersIT.TOKEN), Timeouts.DEFAULT, Clock.systemUTC());

            comment.upsert(7, "staging", "**staging**: 1 change");
            bitbucket.seed(7, "A later remark");
            bitbucket.seed(7, "And another");
            comment.upsert(7, "staging", "**staging**: 2 changes");
            comment.upsert(7, "staging", "**staging**: 3 changes");

            assertThat(bitbucket.comments(7)).hasSize(6).filteredOn(c -> c.text().startsWith(
                    PullRequestComment.marker("staging"))).singleElement().satisfies(c -> {
                        assertThat(c.text())
                                .isEqualTo(PullRequestComment.marker("staging") + "\n**staging**: 3 changes");
                        assertThat(c.version()).isEqualTo(2);
                    });
            assertThat(host.answers()).as("every request matched Bitbucket Server's documented API")
                    .allMatch(a -> a.startsWith("2")).filteredOn(a -> a.startsWith("201")).hasSize(1);
            assertThat(comment.pullRequest("refs/pull-requests/7/from")).hasValue(7);
            assertThat(comment.pullRequest("refs/pull/7/head")).isEmpty();
        }
    }
}
