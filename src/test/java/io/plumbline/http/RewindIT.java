package io.plumbline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.plumbline.testing.TestRepo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A force-push of the environment branch to older history, against a real repository and the service as it runs:
 * refused with a failed status and nothing applied, until a commit names the applied commit it rewinds from.
 */
class RewindIT {
    private static final String READ_TOKEN = "rewind-read-token-5e1d";
    private static final String FILE = "environments/production.yaml";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void aForcePushToOlderHistoryIsRefusedUntilACommitSaysItMeansIt() throws Exception {
        try (TestRepo repo = TestRepo.withFiles(tmp, Map.of(FILE, """
                apiVersion: plumbline/v1
                kind: Environment
                metadata:
                  name: production
                spec:
                  sync: {mode: auto, maxDeletePercent: 4}
                """));
             ApplicationContext context = Micronaut.build(new String[0]).banner(false).properties(Map.of(
                     "micronaut.server.port", -1,
                     "plumbline.git.url", repo.url(),
                     "plumbline.git.cache-dir", tmp.resolve("cache").toString(),
                     "plumbline.state-dir", tmp.resolve("state").toString(),
                     "plumbline.poll.interval", "500ms",
                     "plumbline.api.read-tokens", READ_TOKEN)).start()) {
            URI base = context.getBean(EmbeddedServer.class).getURI();
            String c1 = repo.head();
            await().atMost(Duration.ofSeconds(30)).until(() -> scrape(base).contains(success(1)));
            String c2 = repo.edit(FILE, "maxDeletePercent: 4", "maxDeletePercent: 5").commitAll("Five");
            await().atMost(Duration.ofSeconds(30)).until(() -> scrape(base).contains(success(2)));

            repo.resetHard(c1);

            await().atMost(Duration.ofSeconds(30)).until(() -> scrape(base).contains(
                    "plumbline_rewinds_refused_total{environment=\"production\"} 1.0"));
            assertThat(scrape(base)).contains(
                    "plumbline_reconcile_total{environment=\"production\",result=\"failure\"} 1.0");
            assertThat(get(base, "/api/environments/production/history"))
                    .contains("not a fast-forward of " + c2);

            repo.edit(FILE, "maxDeletePercent: 4", "maxDeletePercent: 6")
                    .commitAll("Roll back to four\n\nPlumbline-Allow-Rewind: " + c2);
            await().atMost(Duration.ofSeconds(30)).until(() -> scrape(base).contains(success(3)));
        }
    }

    private static String success(int count) {
        return "plumbline_reconcile_total{environment=\"production\",result=\"success\"} " + count + ".0";
    }

    private String scrape(URI base) throws Exception {
        return get(base, "/prometheus");
    }

    private String get(URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + READ_TOKEN).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
