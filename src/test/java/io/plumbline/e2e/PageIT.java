package io.plumbline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.provider.aws.AwsBaseline;
import io.plumbline.provider.aws.TestClients;
import io.plumbline.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The web page in a real browser: two environments, a success and a failure, drift, an open pull request. */
class PageIT {
    private static final Duration LONG = Duration.ofSeconds(120);
    private static final String STAGING = Environments.staging("""
              sync: {mode: auto, driftInterval: 2s, healthTimeout: 20s}
              aws:
                region: us-west-2
                accountId: "123456789012"
                autoscaling:
                  groups:
                    - {name: no-such-group, min: 1, max: 2, desired: 1}
            """);

    @RegisterExtension
    static final Peers peers = new Peers();

    @TempDir
    Path tmp;

    @Test
    void theOverviewShowsASuccessAndAFailureAndTheDriftViewShowsEachField() throws Exception {
        try (TestRepo repo = Environments.withStaging(tmp, peers, STAGING)) {
            String head = repo.edit("environments/production.yaml", "replicas: 2", "replicas: 3")
                    .commitAll("Raise <b>frontend</b> to 3 replicas <script>alert(1)</script>");
            try (RunningService service = RunningService.start(peers, repo.url(), tmp,
                    Map.of("plumbline.git.pr-refs", "refs/pull/*/head"))) {
                reconcileAndDrift(repo, service);
                look(service, head);
            }
        }
    }

    /** Production succeeds, staging fails, a pull request is planned, and production's group drifts. */
    private static void reconcileAndDrift(TestRepo repo, RunningService service) {
        await().atMost(LONG).until(() -> service.get("/api/environments/production/history").body()
                .contains("\"result\":\"success\"") && service.get("/api/environments/staging/history").body()
                .contains("\"result\":\"failure\""));
        String pr = repo.pullRequest(7, "environments/production.yaml", repo.read("environments/production.yaml")
                .replace("max: 4", "max: 3"), "Shrink the worker group");
        await().atMost(LONG).until(() -> service.get("/api/plans/" + pr).statusCode() == 200);
        resizeByHand(7);
        await().atMost(LONG).until(() -> service.get("/api/environments/production/drift").body()
                .contains("\"found\":\"7\""));
    }

    private static void look(RunningService service, String head) throws Exception {
        try (Browser browser = new Browser()) {
            var driver = browser.driver();
            driver.get(service.pageUrl("/"));
            WebElement production = driver.findElement(By.id("env-production"));
            WebElement staging = driver.findElement(By.id("env-staging"));
            assertThat(production.getText()).contains("production", "auto", head.substring(0, 7), "Test Author",
                    "success", "healthy", "1 resource");
            assertThat(production.getText()).as("the commit message is shown as text, never as markup")
                    .contains("Raise <b>frontend</b> to 3 replicas <script>alert(1)</script>");
            assertThat(staging.getText()).contains("staging", "failure");
            assertThat(driver.findElements(By.tagName("script"))).as("only the page's own script")
                    .hasSize(1);
            Path overview = browser.screenshot("overview");

            production.findElement(By.cssSelector("a.drift")).click();
            await().atMost(LONG).until(() -> driver.getCurrentUrl().endsWith("/environments/production#drift"));
            WebElement drift = driver.findElement(By.cssSelector("#drift table"));
            assertThat(drift.getText()).contains("AutoScalingGroup hopper-t2-medium-nodes", "max", "4", "7");
            assertThat(driver.findElement(By.id("plans")).getText()).contains("refs/pull/7/head",
                    "reduces max of aws AutoScalingGroup hopper-t2-medium-nodes from 4 to 3");
            assertThat(driver.findElement(By.id(head)).getText()).contains("success", "AWS", "KUBERNETES");
            Path driftView = browser.screenshot("environment-drift");

            driver.get(service.pageUrl("/environments/staging"));
            assertThat(driver.findElement(By.id("history")).getText()).contains("failure", "no-such-group");
            browser.screenshot("environment-failure");
            assertThat(Files.size(overview)).isPositive();
            assertThat(Files.size(driftView)).isPositive();
        }
    }

    private static void resizeByHand(int max) {
        try (var aws = TestClients.create(peers.moto.connection())) {
            aws.autoScaling().updateAutoScalingGroup(r -> r.autoScalingGroupName(AwsBaseline.GROUP).maxSize(max));
        }
    }
}
