package io.plumbline.e2e;

import static io.plumbline.e2e.RunningService.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.provider.haproxy.StoppedMaster;
import io.plumbline.report.HostApis;
import io.plumbline.report.StatusHostServer;
import io.plumbline.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload the real haproxy cannot confirm in time (its master stopped with SIGSTOP past the 30 s reload timeout),
 * with rollback on: the commit's status says the reload was not confirmed and that the new file stays, the failure
 * is retried with backoff instead of rolled back or held, and once the master goes on the retry succeeds.
 */
class UnconfirmedReloadRetriedIT {
    private static final Duration LONG = Duration.ofSeconds(180);
    private static final String CONTEXT = "plumbline/production";
    private static final String EXAMPLE = "          - {name: example, address: ";

    @RegisterExtension
    static final Peers peers = new Peers();

    @TempDir
    Path tmp;
    @TempDir
    Path state;

    @Test
    void aReloadNotConfirmedInTimeIsRetriedNotRolledBackAndTheRetrySucceeds() throws Exception {
        StoppedMaster master = StoppedMaster.in(tmp);
        try (TestRepo repo = TestRepo.withFiles(tmp.resolve("repo"), Map.of("environments/production.yaml",
                Environments.production(peers)));
             StatusHostServer github = StatusHostServer.start(HostApis.github("acme/infra", RunningService.TOKEN))) {
            String good = repo.edit("environments/production.yaml", "healthTimeout: 20s",
                    "healthTimeout: 20s, rollback: auto").commitAll("Roll back what fails health");
            Map<String, Object> settings = new HashMap<>(RunningService.github(github));
            settings.put("plumbline.haproxy.binary", master.checkBinary().toString());
            try (RunningService service = RunningService.start(peers, repo.url(), state, settings)) {
                await().atMost(LONG).until(() -> statuses(github, good, CONTEXT).stream()
                        .anyMatch(s -> s.startsWith("success")));

                master.atNextCheck(peers.haproxyMaster());
                String spare = repo.edit("environments/production.yaml", EXAMPLE, "          - {name: spare, address: \""
                        + peers.backends.address("new") + "\", state: ready}\n" + EXAMPLE).commitAll("Add a spare");
                try {
                    await().atMost(LONG).until(() -> statuses(github, spare, CONTEXT).stream()
                            .anyMatch(s -> s.startsWith("failure")));
                } finally {
                    master.resume();
                }

                assertThat(master.wasStopped()).as("the master was stopped during the reload").isTrue();
                // A commit status is shortened; the history keeps the whole message.
                assertThat(statuses(github, spare, CONTEXT)).filteredOn(s -> s.startsWith("failure")).first()
                        .asString().startsWith("failure: haproxy Config " + Environments.CONFIG
                                + ": haproxy had not confirmed the reload of ").doesNotContain("rolled back");
                assertThat(service.get("/api/environments/production/history").body()).contains(" within 30s; the"
                        + " new file stays in place; the next reconcile checks whether it was taken and reloads again"
                        + " if not");
                await().atMost(LONG).until(() -> statuses(github, spare, CONTEXT).stream()
                        .anyMatch(s -> s.startsWith("success")));
                assertThat(service.metric("plumbline_reconcile_retries_total{environment=\"production\"}"))
                        .isGreaterThanOrEqualTo(1.0);
                assertThat(service.reconciles("failure")).isGreaterThanOrEqualTo(1.0);
                assertThat(service.metric("plumbline_rollbacks_total{environment=\"production\"}")).isZero();
                assertThat(service.get("/api/environments").body()).doesNotContain("\"held\":{");
                assertThat(Files.readString(peers.root.resolve(Environments.CONFIG.substring(1)))).contains("spare");
            }
        }
    }

}
