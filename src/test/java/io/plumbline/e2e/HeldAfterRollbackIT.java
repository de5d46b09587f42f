package io.plumbline.e2e;

import static io.plumbline.e2e.RunningService.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.report.HostApis;
import io.plumbline.report.StatusHostServer;
import io.plumbline.testing.Ports;
import io.plumbline.testing.TestRepo;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * A proxy that does not take its configuration, with rollback on: a commit that opens a frontend on a port another
 * process holds passes {@code haproxy -c} (which binds nothing) and fails only when the real haproxy reloads. It is
 * rolled back to the last good commit and held; the hold is on the page and in the API, outlives a restart, and the
 * next commit releases it. Staging, beside it, waits for a deny window, which the page shows too.
 */
class HeldAfterRollbackIT {
    private static final Duration LONG = Duration.ofSeconds(120);
    private static final String CONTEXT = "plumbline/production";
    private static final String FRONTEND = "defaultBackend: backendnodes}";

    @RegisterExtension
    static final Peers peers = new Peers();

    @TempDir
    Path tmp;
    @TempDir
    Path state;

    @Test
    void aReloadHaproxyRefusesIsRolledBackHeldAcrossARestartAndReleasedByTheNextCommit() throws Exception {
        // A deny window that opened a minute ago, for an hour: staging's apply waits for its end.
        ZonedDateTime opened = ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        String deny = "deny \"" + opened.getMinute() + " " + opened.getHour() + " * * *\" for 1h (UTC)";
        String staging = Environments.staging("  sync: {mode: auto, windows: [{kind: deny, schedule: \""
                + opened.getMinute() + " " + opened.getHour() + " * * *\", duration: 1h}]}\n");
        try (TestRepo repo = Environments.withStaging(tmp, peers, staging);
             StatusHostServer github = StatusHostServer.start(HostApis.github("acme/infra", RunningService.TOKEN));
             ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String good = repo.edit("environments/production.yaml", "healthTimeout: 20s",
                    "healthTimeout: 20s, rollback: auto").commitAll("Roll back what fails health");
            Path config = peers.root.resolve(Environments.CONFIG.substring(1));
            String bad;
            try (RunningService service = start(repo, github)) {
                await().atMost(LONG).until(() -> statuses(github, good, CONTEXT).stream()
                        .anyMatch(s -> s.startsWith("success")));
                String goodConfig = Files.readString(config);

                bad = repo.edit("environments/production.yaml", FRONTEND, FRONTEND + "\n      - {name: admin, bind: "
                        + "\"127.0.0.1:" + taken.getLocalPort() + "\", " + FRONTEND).commitAll("Open the admin port");
                await().atMost(LONG).until(() -> statuses(github, bad, CONTEXT).stream()
                        .anyMatch(s -> s.startsWith("failure")));
                String rolledBack = "rolled back to " + good.substring(0, 7) + ": haproxy is degraded: ";
                assertThat(statuses(github, bad, CONTEXT)).last().asString().startsWith("failure: " + rolledBack);
                assertThat(service.get("/api/environments/production/history").body()).contains(rolledBack,
                        "did not take the new configuration");
                assertThat(Files.readString(config)).as("the last good file serves").isEqualTo(goodConfig);
                assertThat(proxied()).isEqualTo("new");
                assertThat(service.metric("plumbline_rollbacks_total{environment=\"production\"}")).isEqualTo(1.0);
                assertThat(service.get("/api/environments").body()).contains("\"held\":{\"commit\":\"" + bad
                        + "\",\"reason\":\"" + rolledBack, "\"open\":true", "\"waitingForWindow\":\"");

                look(service, good, bad, deny);
            }

            try (RunningService restarted = start(repo, github)) {
                await().atMost(LONG).until(() -> restarted.get("/api/environments").body()
                        .contains("\"held\":{\"commit\":\"" + bad));
                // Polls (every second) and drift checks (every two) come and go; none applies the held commit.
                await().during(Duration.ofSeconds(5)).atMost(LONG).until(() -> restarted.reconciles("failure")
                        + restarted.reconciles("success") == 0);
                assertThat(statuses(github, bad, CONTEXT)).filteredOn(s -> s.startsWith("failure")).hasSize(1);

                String fix = repo.edit("environments/production.yaml", "\"127.0.0.1:" + taken.getLocalPort() + "\"",
                        "\"127.0.0.1:" + Ports.free() + "\"").commitAll("Open the admin port elsewhere");
                await().atMost(LONG).until(() -> statuses(github, fix, CONTEXT).stream()
                        .anyMatch(s -> s.startsWith("success")));
                assertThat(restarted.get("/api/environments").body()).doesNotContain("\"held\":{");
                assertThat(Files.readString(config)).contains("admin");
            }
        }
    }

    /** The service on the test's state folder, so a second start is a restart. */
    private RunningService start(TestRepo repo, StatusHostServer github) {
        return RunningService.start(peers, repo.url(), state, RunningService.github(github));
    }

    /** The page in Chromium: production held with its reason, staging waiting for its open deny window. */
    private static void look(RunningService service, String good, String bad, String deny) {
        try (Browser browser = new Browser()) {
            var driver = browser.driver();
            driver.get(service.pageUrl("/"));
            String production = driver.findElement(By.id("env-production")).getText();
            assertThat(production).contains("held", "rolled back to " + good.substring(0, 7) + ": haproxy is degraded");
            String staging = driver.findElement(By.id("env-staging")).getText();
            assertThat(staging).contains("waiting for window ", " UTC", deny, "open now").doesNotContain("held");
            browser.screenshot("overview-held-and-waiting");

            driver.get(service.pageUrl("/environments/production"));
            assertThat(driver.findElement(By.cssSelector(".held")).getText()).contains("held", "rolled back to "
                    + good.substring(0, 7), "did not take the new configuration");
            assertThat(driver.findElement(By.id("windows")).getText()).contains("none");
            assertThat(driver.findElement(By.id(bad)).getText()).contains("failure", "rolled back to");
            browser.screenshot("environment-held");
        }
    }

    private static String proxied() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + peers.frontendPort + "/")).build(), HttpResponse.BodyHandlers.ofString());
        return r.body();
    }
}
