package io.plumbline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.runtime.Micronaut;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.plumbline.testing.TestRepo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service started in-process on a random port, polling a real repository. */
class ServiceIT {
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final String READ_TOKEN = "read-token-for-service-it";
    private static final String WRITE_TOKEN = "write-token-for-service-it";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;
    TestRepo repo;
    ApplicationContext context;
    URI base;

    @BeforeEach
    void start() {
        // Environments without provider sections: this test is about polling, validation and metrics.
        repo = TestRepo.withFiles(tmp, Map.of(
                "environments/production.yaml", environment("production", 4),
                "environments/staging.yaml", environment("staging", 1)));
        context = Micronaut.build(new String[0]).banner(false).properties(Map.of(
                "micronaut.server.port", -1,
                "plumbline.git.url", repo.url(),
                "plumbline.git.cache-dir", tmp.resolve("cache").toString(),
                "plumbline.state-dir", tmp.resolve("state").toString(),
                "plumbline.poll.interval", POLL.toMillis() + "ms",
                "plumbline.poll.jitter", 0.0,
                "plumbline.git.pr-refs", "refs/pull/*/head",
                "plumbline.api.read-tokens", READ_TOKEN,
                "plumbline.api.write-tokens", WRITE_TOKEN)).start();
        base = context.getBean(EmbeddedServer.class).getURI();
    }

    @AfterEach
    void stop() {
        context.close();
        repo.close();
    }

    @Test
    void healthAnswersAndBecomesReadyAfterTheFirstFetch() throws Exception {
        assertThat(get("/health/liveness").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/health/readiness").statusCode() == 200);
        assertThat(get("/health").body()).contains("\"readiness\":\"UP\"");
    }

    @Test
    void aCommitIsValidatedAndShowsInTheMetrics() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> counter("production", "success") == 1);
        assertThat(counter("staging", "success")).isEqualTo(1);

        repo.edit("environments/staging.yaml", "maxDeletePercent: 1", "maxDeletePercent: many").commitAll("Break staging");

        // Each environment of the commit is reconciled on its own: wait for both, in either order.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> counter("staging", "invalid") == 1 && counter("production", "success") == 2);
        String metrics = get("/prometheus").body();
        assertThat(metrics).contains("plumbline_reconcile_duration_seconds_count{environment=\"staging\"}")
                .contains("plumbline_git_fetch_failures_total 0.0")
                .contains("plumbline_last_success_timestamp_seconds{environment=\"production\"}");
    }

    @Test
    void theApiServesHistoryAndReconcilesOnRequest() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> counter("production", "success") == 1);

        HttpResponse<String> queued = http.send(HttpRequest.newBuilder(base.resolve(
                "/api/environments/production/reconcile")).header("Authorization", "Bearer " + WRITE_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(queued.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> counter("production", "success") == 2);
        assertThat(get("/api/environments/production/history").body()).contains("\"trigger\":\"api\"");
        assertThat(get("/api/environments").body()).contains("\"name\":\"production\"", "\"name\":\"staging\"");
        assertThat(get("/api/environments/nowhere/history").statusCode()).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(base.resolve("/api/environments/nowhere/reconcile"))
                .header("Authorization", "Bearer " + WRITE_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anUnreachableRepositoryRaisesTheFetchFailureMetric() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> counter("production", "success") == 1);
        repo.destroy();

        await().atMost(Duration.ofSeconds(30)).until(() -> get("/prometheus").body()
                .matches("(?s).*plumbline_git_fetch_failures_total [1-9].*"));
        assertThat(get("/health").body()).contains("\"liveness\":\"UP\"");
    }

    @Test
    void aFileWithAnAliasInsideItselfIsInvalidAloneWhileTheOthersReconcileAndItsPullRequestIsPlannedInvalid()
            throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> counter("production", "success") == 1);
        String loop = "apiVersion: plumbline/v1\nx: &r [*r]\n";

        repo.write("environments/loop.yaml", loop).commitAll("A file that refers to itself");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                counter("loop", "invalid") == 1 && counter("production", "success") == 2
                        && counter("staging", "success") == 2);
        assertThat(get("/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/prometheus").body()).contains("plumbline_repository_loadable 1.0")
                .contains("plumbline_unexpected_errors_total{where=\"poll\"} 0.0");
        assertThat(get("/api/environments/loop/history").body())
                .contains("environments/loop.yaml:2:4: /x/0: the anchor &r is used inside its own value")
                .doesNotContain("healthy");

        String pr = repo.pullRequest(5, "environments/loop-too.yaml", loop, "Another one");

        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/plans/" + pr).body().contains("loop-too"));
        assertThat(get("/api/plans/" + pr).body()).contains("environments/loop-too.yaml:2:4: /x/0: the anchor &r");
    }

    private static String environment(String name, int maxDeletePercent) {
        return "apiVersion: plumbline/v1\nkind: Environment\nmetadata:\n  name: " + name + "\nspec:\n  sync:\n"
                + "    mode: auto\n    maxDeletePercent: " + maxDeletePercent + "\n";
    }

    private double counter(String environment, String result) throws Exception {
        Matcher m = Pattern.compile("plumbline_reconcile_total\\{environment=\"" + environment + "\",result=\""
                + result + "\"} ([0-9.]+)").matcher(get("/prometheus").body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + READ_TOKEN)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
