package io.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plan comment on a pull request, against GitHub's issue comments API played on 127.0.0.1. */
class PullRequestCommentIT {
    static final String REPO = "plumbline-demo/config";
    GitHubCommentsApi github;
    StatusHostServer server;
    PullRequestComment comment;

    @BeforeEach
    void start() {
        github = new GitHubCommentsApi(REPO, StatusReportersIT.TOKEN).seed(7, "Looks good to me")
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

        assertThat(github.comments(7)).extracting(GitHubCommentsApi.Comment::body).endsWith(
                PullRequestComment.marker("staging") + "\nstaging plan",
                PullRequestComment.marker("production") + "\nproduction plan, again");
    }
}
