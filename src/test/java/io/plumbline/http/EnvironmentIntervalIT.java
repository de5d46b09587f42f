package io.plumbline.http;

import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.plumbline.testing.TestRepo;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An environment's {@code spec.sync.interval} shortens the service's own poll interval. */
class EnvironmentIntervalIT {
    @TempDir
    Path tmp;

    @Test
    void anEnvironmentAskingForAShortIntervalIsCheckedThatOften() throws Exception {
        String env = "apiVersion: plumbline/v1\nkind: Environment\nmetadata:\n  name: staging\nspec:\n  sync:\n"
                + "    interval: 1s\n    maxDeletePercent: 10\n";
        try (TestRepo repo = TestRepo.withFiles(tmp, Map.of("environments/staging.yaml", env));
             ApplicationContext context = Micronaut.build(new String[0]).banner(false).properties(Map.of(
                     "micronaut.server.port", -1,
                     "plumbline.git.url", repo.url(),
                     "plumbline.git.cache-dir", tmp.resolve("cache").toString(),
                     "plumbline.state-dir", tmp.resolve("state").toString(),
                     "plumbline.poll.interval", "1h",
                     "plumbline.api.read-tokens", "interval-it-token")).start()) {
            var base = context.getBean(EmbeddedServer.class).getURI();
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest history = HttpRequest.newBuilder(base.resolve("/api/environments/staging/history"))
                    .header("Authorization", "Bearer interval-it-token").build();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    http.send(history, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);

            String next = repo.edit("environments/staging.yaml", "maxDeletePercent: 10", "maxDeletePercent: 20")
                    .commitAll("Allow more deletions");

            await().atMost(Duration.ofSeconds(30)).until(() ->
                    http.send(history, HttpResponse.BodyHandlers.ofString()).body().contains(next));
        }
    }
}
