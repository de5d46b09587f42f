package io.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.plumbline.testing.Ports;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The background publisher against a GitHub (or GitLab) status endpoint on 127.0.0.1. */
class StatusPublisherIT {
    static final String TOKEN = StatusReportersIT.TOKEN;
    static final String REPO = "plumbline-demo/config";
    static final RetryPolicy QUICK = new RetryPolicy(50, Duration.ofMillis(20), Duration.ofMillis(200),
            Duration.ofSeconds(5));

    @TempDir
    Path state;
    final Statuses statuses = new Statuses(StatusReportersIT.LINK);
    final List<String> givenUp = new CopyOnWriteArrayList<>();
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    StatusHostServer server;
    StatusPublisher publisher;

    @BeforeEach
    void captureLogs() {
        log.start();
        ((Logger) LoggerFactory.getLogger(StatusPublisher.class)).addAppender(log);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(StatusPublisher.class)).detachAppender(log);
        if (publisher != null) {
            publisher.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pendingThenSuccessArePostedInOrder() {
        server = StatusHostServer.start(HostApis.github(REPO, TOKEN));
        publisher = publisher(server.url(), QUICK);

        publisher.submit(pending());
        await().until(() -> server.accepted().size() == 1);
        publisher.submit(success());

        await().untilAsserted(() -> assertThat(server.accepted()).extracting(HostApi.Accepted::state)
                .containsExactly("pending", "success"));
    }

    @Test
    void aHostThatIsDownGetsTheStatusOnceItIsBackAndSubmitNeverWaits() {
        int port = Ports.free();
        publisher = publisher("http://127.0.0.1:" + port, QUICK);

        publisher.submit(success());
        assertThat(publisher.waiting()).isEqualTo(1);
        await().until(() -> publisher.retrying() == 1);

        server = StatusHostServer.startOn(HostApis.github(REPO, TOKEN), port);

        await().until(() -> server.accepted().size() == 1);
        assertThat(server.accepted().get(0).description()).isEqualTo("applied 3 changes, 41 unchanged");
        assertThat(givenUp).isEmpty();
    }

    @Test
    void aHostThatNeverAnswersTimesOutAndIsRetriedWhileSubmitReturns() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            publisher = new StatusPublisher(RepoStatusesReporter.github("http://127.0.0.1:" + silent.getLocalPort(),
                    new RepositoryPath(REPO), new Token(TOKEN), new Timeouts(Duration.ofMillis(300),
                    Duration.ofMillis(300)), Clock.systemUTC()), state, QUICK, givenUp::add);

            silent.setSoTimeout(10_000);
            publisher.submit(success());
            assertThat(publisher.waiting()).isEqualTo(1);

            // The first attempt connects and hears nothing; the only way to a second connection is its timeout.
            try (Socket first = silent.accept(); Socket retried = silent.accept()) {
                assertThat(retried.isConnected()).isTrue();
            }
            assertThat(givenUp).isEmpty();
        }
    }

    @Test
    void a429WithRetryAfterIsWaitedOutThenPosted() {
        server = StatusHostServer.start(HostApis.github(REPO, TOKEN))
                .answerNext(429, Map.of("Retry-After", "1"), "{\"message\":\"Too many requests\"}");
        publisher = publisher(server.url(), QUICK);

        publisher.submit(success());

        await().until(() -> server.accepted().size() == 1);
        assertThat(server.answers()).hasSize(2).first().asString().startsWith("429");
        assertThat(waitsLogged()).anyMatch(m -> m.contains("retrying in 1000 ms"));
    }

    @Test
    void gitHubsExhaustedRateLimitIsWaitedOutUntilItsReset() {
        long reset = Instant.now().plusSeconds(1).getEpochSecond();
        server = StatusHostServer.start(HostApis.github(REPO, TOKEN)).answerNext(403,
                Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(reset)),
                "{\"message\":\"API rate limit exceeded\"}");
        publisher = publisher(server.url(), QUICK);

        publisher.submit(success());

        await().until(() -> server.accepted().size() == 1);
        assertThat(server.answers()).first().asString().startsWith("403");
        assertThat(givenUp).isEmpty();
    }

    @Test
    void gitLabsRateLimitResetIsHonouredToo() {
        long reset = Instant.now().plusSeconds(1).getEpochSecond();
        server = StatusHostServer.start(HostApis.gitlab("infra/platform/config", TOKEN)).answerNext(429,
                Map.of("RateLimit-Remaining", "0", "RateLimit-Reset", Long.toString(reset)), "Retry later");
        publisher = new StatusPublisher(new GitLabReporter(server.url(), new RepositoryPath("infra/platform/config"),
                new Token(TOKEN), Timeouts.DEFAULT, Clock.systemUTC()), state, QUICK, givenUp::add);

        publisher.submit(success());

        await().until(() -> server.accepted().size() == 1);
        assertThat(server.accepted().get(0).state()).isEqualTo("success");
    }

    @Test
    void serverErrorsAreRetriedAndGivenUpAfterTheLastAttempt() {
        server = StatusHostServer.start(HostApis.github(REPO, TOKEN));
        for (int i = 0; i < 3; i++) {
            server.answerNext(503, Map.of(), "{\"message\":\"Service unavailable\"}");
        }
        publisher = publisher(server.url(), new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50),
                Duration.ofSeconds(1)));

        publisher.submit(success());

        await().until(() -> givenUp.equals(List.of("github")));
        assertThat(server.answers()).hasSize(3).allMatch(a -> a.startsWith("503"));
        assertThat(publisher.waiting()).isZero();
    }

    @Test
    void aRestartedPublisherDoesNotPostWhatWasPostedBefore() {
        server = StatusHostServer.start(HostApis.github(REPO, TOKEN));
        publisher = publisher(server.url(), QUICK);
        publisher.submit(success());
        await().until(() -> server.accepted().size() == 1);
        publisher.close();

        publisher = publisher(server.url(), QUICK);
        publisher.submit(success());
        assertThat(publisher.waiting()).isZero();
        publisher.submit(statuses.finished(Outcomes.success(), StatusContext.DRIFT));

        await().until(() -> server.accepted().size() == 2);
        assertThat(server.accepted()).extracting(HostApi.Accepted::context)
                .containsExactly("plumbline/staging", "plumbline/staging/drift");
    }

    @Test
    void aRejectedTokenIsGivenUpAtOnceAndLoggedWithoutTheToken() {
        server = StatusHostServer.start(HostApis.github(REPO, TOKEN));
        publisher = new StatusPublisher(new StatusSettings("github", server.url(), REPO, new Token("expired-" + TOKEN),
                null, null, null).reporter(Clock.systemUTC()), state, QUICK, givenUp::add);

        publisher.submit(success());

        await().until(() -> givenUp.equals(List.of("github")));
        assertThat(server.answers()).containsExactly("401 {\"message\":\"Bad credentials\"}");
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("Gave up posting plumbline/staging success", "401", "Bad credentials"));
        assertThat(log.list).noneMatch(e -> e.getFormattedMessage().contains(TOKEN));
    }

    private StatusPublisher publisher(String url, RetryPolicy retry) {
        return new StatusPublisher(RepoStatusesReporter.github(url, new RepositoryPath(REPO), new Token(TOKEN),
                Timeouts.DEFAULT, Clock.systemUTC()), state, retry, givenUp::add);
    }

    private List<String> waitsLogged() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("retrying")).toList();
    }

    private CommitStatus pending() {
        return statuses.pending("staging", Outcomes.REVISION, StatusContext.APPLY);
    }

    private CommitStatus success() {
        return statuses.finished(Outcomes.success(), StatusContext.APPLY);
    }
}
