package io.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.engine.review.PlanReport;
import io.plumbline.app.PlanComments;
import io.plumbline.testing.Ports;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service's plan comments, against GitHub's issue comments API played on 127.0.0.1: written in the background,
 * retried like commit statuses when the host fails or asks to slow down, given up (and counted) when it refuses.
 */
class PlanCommentsIT {
    private static final String REPO = "acme/infra";
    private static final PlanReport PLAN = new PlanReport("production", "0123456789abcdef0123", "refs/pull/7/head",
            "1 to create, 1 to update, 0 to delete; destructive: reduces max of aws AutoScalingGroup nodes from 4 to 3",
            List.of("+ aws EcrRepository promoted-images", "~ aws AutoScalingGroup nodes"),
            List.of("reduces max of aws AutoScalingGroup nodes from 4 to 3"), "");

    private static final RetryPolicy QUICK = new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(200),
            Duration.ofSeconds(5));

    CommentsApi github;
    StatusHostServer server;
    PlanCommentPoster poster;
    PlanComments comments;
    final List<String> givenUp = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        github = CommentsApi.github(REPO, StatusReportersIT.TOKEN).seed(7, "Looks good to me");
        server = StatusHostServer.start(github);
        comments = comments(server.url());
    }

    private PlanComments comments(String url) {
        poster = new PlanCommentPoster(PullRequestComment.github(url, new RepositoryPath(REPO),
                new Token(StatusReportersIT.TOKEN), Timeouts.DEFAULT, Clock.systemUTC()), "github",
                QUICK, givenUp::add);
        return new PlanComments(poster);
    }

    @AfterEach
    void stop() {
        comments.close();
        server.close();
    }

    @Test
    void aPlannedPullRequestCarriesOnePlanCommentPerEnvironmentEditedInPlace() {
        comments.planned("refs/pull/7/head", List.of(PLAN));
        await().until(() -> poster.waiting() == 0);
        comments.planned("refs/pull/7/head", List.of(PLAN));
        await().until(() -> poster.waiting() == 0);

        assertThat(github.comments(7)).hasSize(2);
        assertThat(github.comments(7).get(1).body()).contains("### Plumbline plan: `production` at `0123456789ab`",
                "```diff\n+ aws EcrRepository promoted-images\n~ aws AutoScalingGroup nodes\n```",
                "**Destructive changes** — review before merging:\n- reduces max of aws AutoScalingGroup nodes");
    }

    @Test
    void refsThatAreNotGitHubPullRequestsGetNoComment() {
        comments.planned("refs/merge-requests/7/head", List.of(PLAN));
        assertThat(poster.waiting()).isZero();
        assertThat(github.comments(7)).hasSize(1);
    }

    @Test
    void aHostFailingWith5xxIsRetriedAndTheCommentWrittenOnce() {
        server.answerNext(502, Map.of(), "{\"message\":\"Bad Gateway\"}")
                .answerNext(503, Map.of(), "{\"message\":\"Unavailable\"}");

        comments.planned("refs/pull/7/head", List.of(PLAN));

        await().until(() -> poster.waiting() == 0);
        assertThat(server.answers()).as("answers").startsWith("502 {\"message\":\"Bad Gateway\"}",
                "503 {\"message\":\"Unavailable\"}");
        assertThat(github.comments(7)).hasSize(2);
        assertThat(givenUp).isEmpty();
    }

    @Test
    void aRateLimitIsWaitedOutAndTheCommentWritten() {
        server.answerNext(429, Map.of("Retry-After", "1"), "{\"message\":\"slow down\"}");

        comments.planned("refs/pull/7/head", List.of(PLAN));

        await().until(() -> poster.waiting() == 0);
        assertThat(server.answers().get(0)).startsWith("429");
        assertThat(github.comments(7)).hasSize(2);
        assertThat(givenUp).isEmpty();
    }

    @Test
    void aRefusedCommentIsGivenUpAtOnceAndCounted() {
        server.answerNext(403, Map.of(), "{\"message\":\"Resource not accessible by integration\"}");

        comments.planned("refs/pull/7/head", List.of(PLAN));

        await().until(() -> poster.waiting() == 0);
        assertThat(server.answers()).hasSize(1);
        assertThat(givenUp).containsExactly("github");
        assertThat(github.comments(7)).hasSize(1);
    }

    @Test
    void aHostThatStaysDownIsRetriedUntilTheAttemptsRunOutThenCounted() {
        comments.close();
        comments = comments("http://127.0.0.1:" + Ports.free());

        comments.planned("refs/pull/7/head", List.of(PLAN));

        await().until(() -> poster.waiting() == 0);
        assertThat(givenUp).containsExactly("github");
    }

    @Test
    void onlyTheNewestTextOfAWaitingCommentIsWritten() {
        server.answerNext(503, Map.of(), "{}");
        PlanReport newer = new PlanReport(PLAN.environment(), "fedcba9876543210fedc", PLAN.ref(), "0 to create,"
                + " 0 to update, 0 to delete", List.of(), List.of(), "");

        comments.planned("refs/pull/7/head", List.of(PLAN));
        comments.planned("refs/pull/7/head", List.of(newer));

        await().until(() -> poster.waiting() == 0);
        assertThat(github.comments(7)).hasSize(2);
        assertThat(github.comments(7).get(1).body()).contains("at `fedcba987654`");
    }
}
