package io.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.engine.review.PlanReport;
import io.plumbline.app.PlanComments;
import io.plumbline.testing.Toxiproxy;
import io.plumbline.testing.Toxiproxy.Toxic;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Commit statuses and plan comments to a status host (our recording of GitHub's API) behind Toxiproxy: a host that
 * is down, resets the connection, cuts its answer or stays silent gets the status and the comment once it is whole
 * again (each retried meanwhile, submit never waiting); a slow one gets them; a host that stays down has them given
 * up and counted. A comment whose answer was cut after the host made it is not made twice (it is found again by its
 * marker and edited); a status whose answer was cut is posted again, the same state, which the host shows once.
 */
class StatusHostFaultsIT {
    private static final String REPO = "acme/infra";
    private static final RetryPolicy QUICK = new RetryPolicy(40, Duration.ofMillis(50), Duration.ofMillis(300),
            Duration.ofSeconds(5));
    private static final Timeouts SHORT = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
    private static final PlanReport PLAN = new PlanReport("production", "0123456789abcdef0123", "refs/pull/7/head",
            "1 to create, 0 to update, 0 to delete", List.of("+ aws EcrRepository images"), List.of(), "");

    @TempDir
    Path state;
    private final Statuses statuses = new Statuses(StatusReportersIT.LINK);
    private final List<String> givenUp = new CopyOnWriteArrayList<>();
    private CommentsApi github;
    private StatusHostServer server;
    private Toxiproxy.Proxy proxy;
    private StatusPublisher publisher;
    private PlanCommentPoster poster;

    @BeforeEach
    void start() {
        github = CommentsApi.github(REPO, StatusReportersIT.TOKEN).seed(7, "Looks good to me");
        HostApi statusApi = HostApis.github(REPO, StatusReportersIT.TOKEN);
        server = StatusHostServer.start(r -> r.rawPath().contains("/statuses/") ? statusApi.handle(r) : github.handle(r));
        proxy = Toxiproxy.shared().proxy("status-host", "127.0.0.1", URI.create(server.url()).getPort());
    }

    private void connect(RetryPolicy retry) {
        String url = "http://127.0.0.1:" + proxy.port();
        Token token = new Token(StatusReportersIT.TOKEN);
        publisher = new StatusPublisher(RepoStatusesReporter.github(url, new RepositoryPath(REPO), token, SHORT,
                Clock.systemUTC()), state, retry, givenUp::add);
        poster = new PlanCommentPoster(PullRequestComment.github(url, new RepositoryPath(REPO), token, SHORT,
                Clock.systemUTC()), "github", retry, givenUp::add);
    }

    @AfterEach
    void stop() {
        if (publisher != null) {
            publisher.close();
            poster.close();
        }
        proxy.delete();
        server.close();
    }

    static Stream<Toxic> broken() {
        return Stream.of(Toxic.resetPeer(0), Toxic.limitData(60), Toxic.timeout(0), Toxic.timeout(200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void aBrokenHostGetsTheStatusAndTheCommentOnceItIsWhole(Toxic fault) {
        connect(QUICK);
        proxy.add(fault);

        submitBoth();
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.retrying() == 1);
        proxy.clear();

        await().atMost(Duration.ofSeconds(60)).until(() -> publisher.waiting() == 0 && poster.waiting() == 0);
        // A status whose answer was lost after the host took it is posted again: the same state on the same
        // context, which the host shows once (the newest per context).
        assertThat(server.accepted()).isNotEmpty().extracting(HostApi.Accepted::state).containsOnly("success");
        assertThat(github.comments(7)).as("the seeded comment and one plan comment").hasSize(2);
        assertThat(givenUp).isEmpty();
    }

    @Test
    void aHostThatIsDownGetsThemOnceItIsBack() {
        connect(QUICK);
        proxy.enabled(false);

        submitBoth();
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.retrying() == 1);
        assertThat(server.accepted()).isEmpty();
        proxy.enabled(true);

        await().atMost(Duration.ofSeconds(60)).until(() -> publisher.waiting() == 0 && poster.waiting() == 0);
        assertThat(server.accepted()).extracting(HostApi.Accepted::state).containsExactly("success");
        assertThat(github.comments(7)).hasSize(2);
        assertThat(givenUp).isEmpty();
    }

    @Test
    void aSlowHostGetsThem() {
        connect(QUICK);
        proxy.add(Toxic.latency(500, 100));

        submitBoth();

        await().atMost(Duration.ofSeconds(60)).until(() -> publisher.waiting() == 0 && poster.waiting() == 0);
        assertThat(server.accepted()).extracting(HostApi.Accepted::state).containsExactly("success");
        assertThat(github.comments(7)).hasSize(2);
        assertThat(givenUp).isEmpty();
    }

    @Test
    void aHostThatStaysDownHasThemGivenUpAndCounted() {
        connect(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(1)));
        proxy.enabled(false);

        submitBoth();

        await().atMost(Duration.ofSeconds(60)).until(() -> publisher.waiting() == 0 && poster.waiting() == 0);
        assertThat(givenUp).containsExactly("github", "github");
        assertThat(server.accepted()).isEmpty();
    }

    private void submitBoth() {
        publisher.submit(statuses.finished(Outcomes.success(), StatusContext.APPLY));
        new PlanComments(poster).planned(PLAN.ref(), List.of(PLAN));
    }
}
