package io.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.engine.review.PlanReport;
import io.plumbline.app.PlanComments;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service's plan comments, against GitHub's issue comments API played on 127.0.0.1. */
class PlanCommentsIT {
    private static final String REPO = "acme/infra";
    private static final PlanReport PLAN = new PlanReport("production", "0123456789abcdef0123", "refs/pull/7/head",
            "1 to create, 1 to update, 0 to delete; destructive: reduces max of aws AutoScalingGroup nodes from 4 to 3",
            List.of("+ aws EcrRepository promoted-images", "~ aws AutoScalingGroup nodes"),
            List.of("reduces max of aws AutoScalingGroup nodes from 4 to 3"), "");

    CommentsApi github;
    StatusHostServer server;
    PlanComments comments;

    @BeforeEach
    void start() {
        github = CommentsApi.github(REPO, StatusReportersIT.TOKEN).seed(7, "Looks good to me");
        server = StatusHostServer.start(github);
        comments = new PlanComments(PullRequestComment.github(server.url(), new RepositoryPath(REPO),
                new Token(StatusReportersIT.TOKEN), Timeouts.DEFAULT, Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPlannedPullRequestCarriesOnePlanCommentPerEnvironmentEditedInPlace() {
        comments.planned("refs/pull/7/head", List.of(PLAN));
        comments.planned("refs/pull/7/head", List.of(PLAN));

        assertThat(github.comments(7)).hasSize(2);
        assertThat(github.comments(7).get(1).body()).contains("### Plumbline plan: `production` at `0123456789ab`",
                "```diff\n+ aws EcrRepository promoted-images\n~ aws AutoScalingGroup nodes\n```",
                "**Destructive changes** — review before merging:\n- reduces max of aws AutoScalingGroup nodes");
    }

    @Test
    void refsThatAreNotGitHubPullRequestsGetNoComment() {
        comments.planned("refs/merge-requests/7/head", List.of(PLAN));
        assertThat(github.comments(7)).hasSize(1);
    }
}
