package io.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each reporter against its host's documented status endpoint, served on 127.0.0.1 and checked strictly. */
class StatusReportersIT {
    static final String TOKEN = "ghp_s3cr3tT0kenValue1234567890";
    static final String LINK = "https://plumbline.example.com/environments/{environment}";

    /** A host as the test server plays it, with the state names it should receive. */
    enum Host {
        GITHUB("github", "plumbline-demo/config", "pending", "success", "failure", "error"),
        GITLAB("gitlab", "infra/platform/config", "running", "success", "failed", "failed"),
        GITEA("gitea", "plumbline-demo/config", "pending", "success", "failure", "error"),
        BITBUCKET_CLOUD("bitbucket-cloud", "example/config", "INPROGRESS", "SUCCESSFUL", "FAILED", "FAILED"),
        BITBUCKET_SERVER("bitbucket-server", "", "INPROGRESS", "SUCCESSFUL", "FAILED", "FAILED");

        final String id;
        final String repository;
        final List<String> states;

        Host(String id, String repository, String... states) {
            this.id = id;
            this.repository = repository;
            this.states = List.of(states);
        }

        HostApi api() {
            return switch (this) {
                case GITHUB -> HostApis.github(repository, TOKEN);
                case GITLAB -> HostApis.gitlab(repository, TOKEN);
                case GITEA -> HostApis.gitea(repository, TOKEN);
                case BITBUCKET_CLOUD -> HostApis.bitbucketCloud(repository, TOKEN);
                case BITBUCKET_SERVER -> HostApis.bitbucketServer(TOKEN);
            };
        }

        StatusReporter reporter(String url, String token) {
            return new StatusSettings(id, url, repository, new Token(token), LINK, null, null)
                    .reporter(Clock.systemUTC());
        }
    }

    final Statuses statuses = new Statuses(LINK);
    StatusHostServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void pendingThenSuccessOnTheApplyContext(Host host) throws Exception {
        server = StatusHostServer.start(host.api());
        StatusReporter reporter = host.reporter(server.url(), TOKEN);

        reporter.post(statuses.pending("staging", Outcomes.REVISION, StatusContext.APPLY));
        reporter.post(statuses.finished(Outcomes.success(), StatusContext.APPLY));

        assertThat(server.accepted()).extracting(HostApi.Accepted::commit, HostApi.Accepted::context,
                HostApi.Accepted::state, HostApi.Accepted::description, HostApi.Accepted::url).containsExactly(
                tuple(Outcomes.COMMIT, "plumbline/staging", host.states.get(0),
                        "applying staging at 3f2a9c41d07b", "https://plumbline.example.com/environments/staging"),
                tuple(Outcomes.COMMIT, "plumbline/staging", host.states.get(1),
                        "applied 3 changes, 41 unchanged", "https://plumbline.example.com/environments/staging"));
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void anInvalidCommitFailsWithFileLineAndColumnOnThePlanContext(Host host) throws Exception {
        server = StatusHostServer.start(host.api());

        host.reporter(server.url(), TOKEN).post(statuses.finished(Outcomes.invalid(), StatusContext.PLAN));

        HostApi.Accepted status = server.accepted().get(0);
        assertThat(status.context()).isEqualTo("plumbline/staging/plan");
        assertThat(status.state()).isEqualTo(host.states.get(2));
        assertThat(status.description()).isEqualTo("environments/staging.yaml:12:5: "
                + "/spec/kubernetes/applications/0/replicas: must be an integer, got \"four\"");
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void aRefusedApplyIsAnErrorWithTheGuardsReason(Host host) throws Exception {
        server = StatusHostServer.start(host.api());

        host.reporter(server.url(), TOKEN).post(statuses.finished(Outcomes.refused(), StatusContext.APPLY));

        assertThat(server.accepted()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(host.states.get(3));
            assertThat(s.description()).startsWith("would delete 12 of 44 owned objects");
        });
    }

    @ParameterizedTest
    @EnumSource(Host.class)
    void aWrongTokenIsRefusedForGoodAndNeverEchoed(Host host) {
        server = StatusHostServer.start(host.api());
        String wrong = "wrong-" + TOKEN;
        server.answerNext(401, Map.of(), "{\"message\":\"Bad credentials: " + wrong + "\"}");

        StatusException e = catchThrowableOfType(StatusException.class, () -> host.reporter(server.url(), wrong)
                .post(statuses.finished(Outcomes.success(), StatusContext.APPLY)));

        assertThat(e.kind()).isEqualTo(StatusException.Kind.PERMANENT);
        assertThat(e.getMessage()).contains("401", "Bad credentials", "****").doesNotContain(TOKEN);
        assertThat(server.accepted()).isEmpty();
    }

    @Test
    void theHostRejectsWhatItsApiDoesNotAllow() throws Exception {
        server = StatusHostServer.start(HostApis.github("plumbline-demo/config", TOKEN));
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                server.url() + "/repos/plumbline-demo/config/statuses/" + Outcomes.COMMIT))
                .header("Authorization", "Bearer " + TOKEN).header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28").header("Content-Type", "application/json");

        for (String body : List.of("{\"state\":\"warning\",\"context\":\"plumbline/staging\"}",
                "{\"state\":\"success\",\"context\":\"plumbline/staging\",\"name\":\"x\"}",
                "{\"state\":\"success\",\"context\":\"plumbline/staging\",\"target_url\":\"not a url\"}")) {
            client.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
        }

        assertThat(server.answers()).allMatch(a -> a.startsWith("422 "));
        assertThat(server.accepted()).isEmpty();
    }

    @Test
    void gitLabAlreadyRunningWithANewDescriptionCountsAsPosted() throws Exception {
        server = StatusHostServer.start(Host.GITLAB.api());
        StatusReporter reporter = Host.GITLAB.reporter(server.url(), TOKEN);
        reporter.post(statuses.pending("staging", Outcomes.REVISION, StatusContext.APPLY));

        reporter.post(statuses.pending("staging", Outcomes.REVISION, StatusContext.DRIFT));
        reporter.post(new CommitStatus(Outcomes.COMMIT, "plumbline/staging", CommitStatus.State.PENDING,
                "applying staging again", null));

        assertThat(server.answers()).hasSize(3).last().asString().contains("Cannot transition status");
        assertThat(server.accepted()).extracting(HostApi.Accepted::context)
                .containsExactly("plumbline/staging", "plumbline/staging/drift");
    }

    @Test
    void bitbucketGetsAShortStableKeyForALongContext() throws Exception {
        server = StatusHostServer.start(Host.BITBUCKET_CLOUD.api());
        String env = "production-eu-west-1-payments-blue";

        Host.BITBUCKET_CLOUD.reporter(server.url(), TOKEN)
                .post(statuses.pending(env, Outcomes.REVISION, StatusContext.DRIFT));

        HostApi.Accepted status = server.accepted().get(0);
        assertThat(status.context()).isEqualTo("plumbline/" + env + "/drift");
        assertThat(status.key()).hasSizeLessThanOrEqualTo(40).startsWith("plumbline/production-eu-west-1")
                .isEqualTo(BitbucketReporter.key(status.context()));
    }
}
