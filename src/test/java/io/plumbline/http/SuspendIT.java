package io.plumbline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.plumbline.engine.Engine;
import io.plumbline.testing.TestRepo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's emergency stop through the API, against a real repository and the service as it runs: write scope
 * only, shown in the API and on the page, kept across a restart, and lifted by a resume that reconciles the
 * newest commit.
 */
class SuspendIT {
    private static final String READ = "suspend-read-token-71ac";
    private static final String WRITE = "suspend-write-token-c93e";
    private static final String FILE = "environments/production.yaml";
    private static final String PRODUCTION = "apiVersion: plumbline/v1\nkind: Environment\nmetadata:\n"
            + "  name: production\nspec:\n  sync: {mode: auto, maxDeletePercent: 4}\n";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void aSuspendNeedsWriteScopeOutlivesARestartAndAResumeReconcilesTheNewestCommit() throws Exception {
        try (TestRepo repo = TestRepo.withFiles(tmp, Map.of(FILE, PRODUCTION))) {
            String c1 = repo.head();
            try (ApplicationContext first = start(repo)) {
                URI base = first.getBean(EmbeddedServer.class).getURI();
                await().atMost(Duration.ofSeconds(30)).until(() -> get(base, "/api/environments/production/history")
                        .body().contains("\"result\":\"success\""));

                assertThat(post(base, "suspend", null).statusCode()).isEqualTo(401);
                HttpResponse<String> readOnly = post(base, "suspend", READ);
                assertThat(readOnly.statusCode()).isEqualTo(403);
                assertThat(readOnly.body()).doesNotContain(READ);
                assertThat(post(base, "resume", READ).statusCode()).isEqualTo(403);
                assertThat(post(base, "suspend", WRITE).statusCode()).isEqualTo(200);
                assertThat(send(base, "/api/environments/staging/suspend", WRITE).statusCode()).isEqualTo(404);
                assertThat(get(base, "/api/environments").body()).contains("\"mode\":\"suspended by operator\"");
            }

            String c2 = repo.edit(FILE, "maxDeletePercent: 4", "maxDeletePercent: 5").commitAll("Five");
            try (ApplicationContext second = start(repo)) {
                URI base = second.getBean(EmbeddedServer.class).getURI();
                Engine engine = second.getBean(Engine.class);
                await().atMost(Duration.ofSeconds(30)).until(() -> engine.lastFetchedCommit().equals(Optional.of(c2)));

                assertThat(get(base, "/api/environments").body()).contains("\"mode\":\"suspended by operator\"");
                assertThat(page(base, "/")).contains("suspended by operator");
                assertThat(post(base, "reconcile", WRITE).statusCode()).isEqualTo(202);

                assertThat(post(base, "resume", WRITE).statusCode()).isEqualTo(202);
                await().atMost(Duration.ofSeconds(30)).until(() -> get(base, "/api/environments/production/history")
                        .body().contains("\"trigger\":\"resume\""));

                String history = get(base, "/api/environments/production/history").body();
                assertThat(history).as("c2 reconciled once, by the resume; the API request left it alone")
                        .containsOnlyOnce(c2).containsOnlyOnce(c1).doesNotContain("\"trigger\":\"api\"");
                assertThat(history.indexOf(c2)).isLessThan(history.indexOf(c1));
                assertThat(get(base, "/api/environments").body()).contains("\"mode\":\"auto\"");
            }
        }
    }

    private ApplicationContext start(TestRepo repo) {
        return Micronaut.build(new String[0]).banner(false).properties(Map.of(
                "micronaut.server.port", -1,
                "plumbline.git.url", repo.url(),
                "plumbline.git.cache-dir", tmp.resolve("cache").toString(),
                "plumbline.state-dir", tmp.resolve("state").toString(),
                "plumbline.poll.interval", "500ms",
                "plumbline.api.read-tokens", READ,
                "plumbline.api.write-tokens", WRITE)).start();
    }

    private HttpResponse<String> get(URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + READ).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String page(URI base, String path) throws Exception {
        String pair = Base64.getEncoder().encodeToString(("reader:" + READ).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Basic " + pair).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> post(URI base, String action, String token) throws Exception {
        return send(base, "/api/environments/production/" + action, token);
    }

    private HttpResponse<String> send(URI base, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
