package io.plumbline.e2e;

import static io.plumbline.e2e.RunningService.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.provider.aws.AwsBaseline;
import io.plumbline.provider.aws.TestClients;
import io.plumbline.report.HostApis;
import io.plumbline.report.StatusHostServer;
import io.plumbline.testing.TestRepo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

/** Between commits: drift found by hand-made changes, self-heal, and plans on pull-request heads. */
class DriftAndPlansIT {
    private static final Duration LONG = Duration.ofSeconds(90);

    @RegisterExtension
    static final Peers peers = new Peers();

    @TempDir
    Path tmp;
    TestRepo repo;
    StatusHostServer github;
    RunningService service;

    @BeforeEach
    void setUp() {
        github = StatusHostServer.start(HostApis.github("acme/infra", RunningService.TOKEN));
    }

    @AfterEach
    void tearDown() {
        if (service != null) {
            service.close();
        }
        github.close();
        repo.close();
    }

    private String start(String environment, Map<String, Object> settings) {
        repo = TestRepo.withFiles(tmp, Map.of("environments/production.yaml", environment));
        Map<String, Object> all = new java.util.HashMap<>(RunningService.github(github));
        all.putAll(settings);
        service = RunningService.start(peers, repo.url(), tmp, all);
        return repo.head();
    }

    private static int maxSizeOfTheGroup() {
        try (var aws = TestClients.create(peers.moto.connection())) {
            return aws.autoScaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames(AwsBaseline.GROUP))
                    .autoScalingGroups().stream().findFirst().map(AutoScalingGroup::maxSize).orElseThrow();
        }
    }

    private static void resizeByHand(int max) {
        try (var aws = TestClients.create(peers.moto.connection())) {
            aws.autoScaling().updateAutoScalingGroup(r -> r.autoScalingGroupName(AwsBaseline.GROUP).maxSize(max));
        }
    }

    @Test
    void handMadeDriftIsReportedOnTheAppliedCommitAndInTheMetric() {
        String commit = start(Environments.production(peers), Map.of());
        await().atMost(LONG).until(() -> statuses(github, commit, "plumbline/production").stream()
                .anyMatch(s -> s.startsWith("success")));
        await().atMost(LONG).until(() -> statuses(github, commit, "plumbline/production/drift").contains(
                "success: no drift"));

        resizeByHand(7);

        await().atMost(LONG).until(() -> service.metric(
                "plumbline_drift_resources{environment=\"production\",provider=\"aws\"}") == 1);
        // The metric is set when the check ends; the status is posted after it, by the publisher's own thread.
        await().atMost(LONG).untilAsserted(() -> assertThat(statuses(github, commit, "plumbline/production/drift"))
                .last().asString().startsWith("failure: 1 resources drifted; aws AutoScalingGroup"
                        + " hopper-t2-medium-nodes max: wanted 4, found 7"));
        assertThat(service.get("/api/environments/production/drift").body())
                .contains("\"field\":\"max\"", "\"wanted\":\"4\"", "\"found\":\"7\"", "\"firstSeen\"");
        assertThat(maxSizeOfTheGroup()).as("without self-heal, drift is only reported").isEqualTo(7);
    }

    @Test
    void selfHealCorrectsDrift() {
        String commit = start(Environments.production(peers).replace("selfHeal: false", "selfHeal: true"), Map.of());
        await().atMost(LONG).until(() -> statuses(github, commit, "plumbline/production").stream()
                .anyMatch(s -> s.startsWith("success")));

        resizeByHand(9);

        await().atMost(LONG).until(() -> maxSizeOfTheGroup() == 4);
        // The group is corrected before the reconcile's outcome is written down.
        await().atMost(LONG).until(() -> service.get("/api/environments/production/history").body()
                .contains("\"trigger\":\"drift\""));
    }

    @Test
    void aPullRequestHeadIsPlannedAndNothingIsApplied() {
        String base = start(Environments.production(peers), Map.of("plumbline.git.pr-refs", "refs/pull/*/head"));
        await().atMost(LONG).until(() -> statuses(github, base, "plumbline/production").stream()
                .anyMatch(s -> s.startsWith("success")));

        String pr = repo.pullRequest(12, "environments/production.yaml", Environments.production(peers)
                .replace("        - {name: frontend, tagMutability: IMMUTABLE, scanOnPush: true}",
                        "        - {name: frontend, tagMutability: IMMUTABLE, scanOnPush: true}\n"
                                + "        - {name: promoted-images, tagMutability: IMMUTABLE}")
                .replace("max: 4", "max: 3"), "Add a repository, shrink the group");

        await().atMost(LONG).until(() -> !statuses(github, pr, "plumbline/production/plan").isEmpty());
        assertThat(statuses(github, pr, "plumbline/production/plan")).containsExactly(
                "failure: 1 to create, 1 to update, 0 to delete; destructive: reduces max of aws AutoScalingGroup "
                        + "hopper-t2-medium-nodes from 4 to 3");
        assertThat(statuses(github, pr, "plumbline/production")).as("a pull request is never applied").isEmpty();
        assertThat(service.get("/api/plans/" + pr).body()).contains("+ aws EcrRepository promoted-images");
        try (var aws = TestClients.create(peers.moto.connection())) {
            assertThat(aws.ecr().describeRepositories().repositories()).extracting(r -> r.repositoryName())
                    .doesNotContain("promoted-images");
        }
        assertThat(maxSizeOfTheGroup()).isEqualTo(4);
    }

    @Test
    void aPullRequestChangingTheRoleOrAProxyPathIsNotPlannedWithThoseValues() {
        String branch = Environments.production(peers);
        String base = start(branch, Map.of("plumbline.git.pr-refs", "refs/pull/*/head"));
        await().atMost(LONG).until(() -> statuses(github, base, "plumbline/production").stream()
                .anyMatch(s -> s.startsWith("success")));
        peers.moto.startRecording();
        String role = "arn:aws:iam::123456789012:role/pull-request-chosen";
        Path elsewhere = peers.root.resolve("pull-request-chosen");

        String pr = repo.pullRequest(13, "environments/production.yaml", branch
                .replace("    accountId: \"123456789012\"\n", "    accountId: \"123456789012\"\n"
                        + "    assumeRole: " + role + "\n")
                .replaceFirst("    config: .*\n", "    config: /pull-request-chosen/haproxy.cfg\n"),
                "Plan with a role and a config of my choosing");

        await().atMost(LONG).until(() -> !statuses(github, pr, "plumbline/production/plan").isEmpty());
        assertThat(statuses(github, pr, "plumbline/production/plan")).singleElement().asString()
                .startsWith("failure: not planned: changes aws.assumeRole, haproxy.config");
        assertThat(service.get("/api/plans/" + pr).body()).contains("planned after merge");
        assertThat(peers.moto.recording()).doesNotContain("pull-request-chosen").doesNotContain("AssumeRole");
        assertThat(elsewhere).doesNotExist();
    }
}
