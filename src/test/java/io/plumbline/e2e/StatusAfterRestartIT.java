package io.plumbline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.report.HostApis;
import io.plumbline.report.StatusHostServer;
import io.plumbline.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service stopped after it recorded a reconcile and before its background publisher posted the final status (the
 * crash campaign found it: HAProxy, a SIGKILL half a second into an apply): the restarted service does not
 * reconcile that commit again, so it posts the recorded outcome's status itself, once; a restart that finds the
 * status posted posts nothing.
 */
class StatusAfterRestartIT {
    private static final String CONTEXT = "plumbline/staging";

    @TempDir
    Path tmp;

    @Test
    void theLastReconcilesFinalStatusLostByAStopIsPostedByTheRestartedServiceOnce() throws IOException {
        try (TestRepo repo = TestRepo.withFiles(tmp.resolve("repo"), Map.of("environments/staging.yaml",
                Environments.staging("  sync: {mode: auto}\n")));
             StatusHostServer before = StatusHostServer.start(HostApis.github("acme/infra", RunningService.TOKEN));
             StatusHostServer after = StatusHostServer.start(HostApis.github("acme/infra", RunningService.TOKEN))) {
            Path state = tmp.resolve("service");
            String head = repo.head();
            List<String> posted;
            try (RunningService service = RunningService.start(repo.url(), state, RunningService.github(before))) {
                posted = awaitFinal(before, head);
            }
            // What a stop between recording the outcome and posting its status leaves: the outcome in the history,
            // the status neither posted (the host is another one) nor remembered.
            try (var files = Files.list(state.resolve("state/status"))) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }

            try (RunningService service = RunningService.start(repo.url(), state, RunningService.github(after))) {
                assertThat(awaitFinal(after, head)).as("the recorded outcome's status").isEqualTo(posted);
                assertThat(RunningService.statuses(after, head, CONTEXT)).as("posted, not reconciled again")
                        .hasSize(1);
            }
            try (RunningService service = RunningService.start(repo.url(), state, RunningService.github(after))) {
                String next = repo.write("environments/staging.yaml", Environments.staging(
                        "  sync: {mode: auto, prune: false}\n")).commitAll("A later commit");
                // Statuses are posted in turn: once the later commit's is in, the restart's own has been decided.
                awaitFinal(after, next);
                assertThat(RunningService.statuses(after, head, CONTEXT)).as("a restart that finds it posted")
                        .hasSize(1);
            }
        }
    }

    /** The final statuses of the commit, once there is one. */
    private static List<String> awaitFinal(StatusHostServer host, String commit) {
        await("a final status on " + commit).atMost(Duration.ofSeconds(90)).until(() -> RunningService
                .statuses(host, commit, CONTEXT).stream().anyMatch(s -> !s.startsWith("pending")));
        return RunningService.statuses(host, commit, CONTEXT).stream().filter(s -> !s.startsWith("pending")).toList();
    }
}
