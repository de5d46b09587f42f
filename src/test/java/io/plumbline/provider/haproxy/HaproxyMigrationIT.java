package io.plumbline.provider.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.model.ObjectResult;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving traffic off a server the way the migration does it: drain, then maint, then back to ready. */
class HaproxyMigrationIT {
    @TempDir
    Path root;

    @Test
    void drainKeepsOpenSessionsAndIsDoneWhenTheyEndThenMaintAndReady() throws Exception {
        try (HaproxyTestbed bed = HaproxyTestbed.start(root)) {
            bed.reconcile(bed.env(List.of(bed.server("s1", "maint", 1), bed.server("s2", "ready", 1))));
            CompletableFuture<HttpResponse<String>> open = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(bed.frontend().resolve("/hold")).build(),
                    HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> new RuntimeApi(bed.paths().runtimeSocket()).sessions("app", "s2") == 1);

            CompletableFuture<HaproxyTestbed.Outcome> draining = CompletableFuture.supplyAsync(() ->
                    bed.reconcile(bed.env(List.of(bed.server("s1", "ready", 1), bed.server("s2", "drain", 1)))));

            await().atMost(Duration.ofSeconds(10)).until(() -> bed.live("s2").state().equals("drain"));
            assertThat(bed.answers(10)).as("new sessions go elsewhere").containsExactly("200 s1");
            assertThat(draining).as("drain is not done while a session is open").isNotDone();
            bed.backends().release();
            assertThat(open.get().body()).isEqualTo("s2");
            assertThat(draining.get().writes()).extracting(ObjectResult::result)
                    .containsOnly(ObjectResult.Result.CONFIGURED);

            bed.reconcile(bed.env(List.of(bed.server("s1", "ready", 1), bed.server("s2", "maint", 1))));
            assertThat(bed.live("s2").state()).isEqualTo("maint");
            assertThat(bed.answers(10)).containsExactly("200 s1");

            bed.reconcile(bed.env(List.of(bed.server("s1", "ready", 1), bed.server("s2", "ready", 1))));
            assertThat(bed.answers(10)).containsExactlyInAnyOrder("200 s1", "200 s2");
        }
    }
}
