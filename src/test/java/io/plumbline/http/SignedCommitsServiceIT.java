package io.plumbline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.plumbline.testing.Signers;
import io.plumbline.testing.TestRepo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code plumbline.git.verify: ssh}, the service reconciles a head signed by an allowed key and nothing else. */
class SignedCommitsServiceIT {
    private static final String TOKEN = "signed-commits-read-token";
    private static final String ENVIRONMENT = "apiVersion: plumbline/v1\nkind: Environment\nmetadata:\n"
            + "  name: staging\nspec:\n  sync:\n    maxDeletePercent: 10\n";

    @TempDir
    Path tmp;

    @Test
    void anUnsignedHeadIsRefusedWithAClearStatusAndASignedOneIsReconciled() throws Exception {
        Signers signers = new Signers(Files.createDirectories(tmp.resolve("keys")));
        Path key = signers.sshKey("deployer");
        try (TestRepo repo = TestRepo.withFiles(tmp, Map.of("environments/staging.yaml", ENVIRONMENT));
             ApplicationContext context = Micronaut.build(new String[0]).banner(false).properties(Map.of(
                     "micronaut.server.port", -1,
                     "plumbline.git.url", repo.url(),
                     "plumbline.git.cache-dir", tmp.resolve("cache").toString(),
                     "plumbline.state-dir", tmp.resolve("state").toString(),
                     "plumbline.poll.interval", "500ms",
                     "plumbline.git.verify", "ssh",
                     "plumbline.git.verify-keys", signers.allowedSigners(key).toString(),
                     "plumbline.api.read-tokens", TOKEN)).start()) {
            URI base = context.getBean(EmbeddedServer.class).getURI();
            String unsigned = repo.head();
            await().atMost(Duration.ofSeconds(30)).until(() -> history(base).contains(unsigned));
            assertThat(history(base)).contains("\"result\":\"refused\"", "is not signed");

            repo.edit("environments/staging.yaml", "maxDeletePercent: 10", "maxDeletePercent: 20");
            String signed = signers.commitSsh(repo.dir(), key, "Allow more deletions, signed");

            await().atMost(Duration.ofSeconds(30)).until(() -> history(base).contains(signed));
            assertThat(history(base).substring(0, history(base).indexOf(unsigned)))
                    .contains("\"result\":\"success\"").doesNotContain("refused");
        }
    }

    private static String history(URI base) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(
                        "/api/environments/staging/history")).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
