package io.plumbline.e2e;

import static io.plumbline.e2e.RunningService.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.provider.aws.TestClients;
import io.plumbline.report.HostApis;
import io.plumbline.report.StatusHostServer;
import io.plumbline.testing.TestRepo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What users live with: a commit to the environment branch is applied to AWS (moto), Kubernetes (mock API
 * server) and HAProxy (real), and its outcome lands on the commit as a status on a host playing GitHub.
 */
class ReconcileLoopIT {
    private static final Duration LONG = Duration.ofSeconds(90);
    private static final String CONTEXT = "plumbline/production";
    private static final String EXPOSE = "        expose: {type: ClusterIP, serviceName: frontend-service, port: 80}\n";
    /** An application whose pods are never scheduled: it asks for more CPU than the node has. */
    private static final String STUCK = "      - {name: stuck, namespace: example, image: \"stuck:v1\", port: 8000,\n"
            + "         resources: {requests: {cpu: \"500\"}}}\n";

    @RegisterExtension
    static final Peers peers = new Peers();

    @TempDir
    Path tmp;
    TestRepo repo;
    StatusHostServer github;
    RunningService service;

    @BeforeEach
    void setUp() {
        repo = TestRepo.withFiles(tmp, Map.of("environments/production.yaml", Environments.production(peers)));
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

    private void startService() {
        service = RunningService.start(peers, repo.url(), tmp, RunningService.github(github));
    }

    @Test
    void aCommitIsAppliedEverywhereAndReportedPendingThenSuccess() throws Exception {
        String commit = repo.head();
        startService();

        await().atMost(LONG).until(() -> statuses(github, commit, CONTEXT).size() >= 2);
        assertThat(statuses(github, commit, CONTEXT)).first().asString()
                .isEqualTo("pending: applying production at " + commit.substring(0, 12));
        // the seeded k8s-master group exists without Plumbline's marks: it is used, not adopted, hence skipped
        assertThat(statuses(github, commit, CONTEXT).get(1))
                .matches("success: applied [0-9]+ changes, [0-9]+ unchanged, 1 skipped");
        assertThat(github.accepted()).allSatisfy(a -> assertThat(a.url())
                .isEqualTo("http://plumbline.test/environments/production#" + commit));

        try (var aws = TestClients.create(peers.moto.connection())) {
            assertThat(aws.ecr().describeRepositories().repositories()).extracting(r -> r.repositoryName())
                    .contains("frontend");
        }
        assertThat(peers.kubernetes.client().apps().deployments().inNamespace("example").withName("frontend").get())
                .isNotNull();
        HttpResponse<String> proxied = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + peers.frontendPort + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(proxied.body()).as("the monolith is in MAINT: only the new backend answers").isEqualTo("new");
        assertThat(service.get("/api/environments/production/history").body()).contains(commit, "\"result\":\"success\"");
        assertThat(service.metric("plumbline_last_success_timestamp_seconds{environment=\"production\"}"))
                .isPositive();
    }

    @Test
    void anInvalidFileFailsTheCommitWithFileLineAndColumn() {
        String bad = repo.edit("environments/production.yaml", "replicas: 2", "replicas: two").commitAll("Oops");
        startService();

        await().atMost(LONG).until(() -> statuses(github, bad, CONTEXT).contains(
                "failure: environments/production.yaml:31:19: /spec/kubernetes/applications/0/replicas: expected an "
                        + "integer, found a string 'two'"));
        assertThat(service.reconciles("invalid")).isEqualTo(1);
    }

    @Test
    void aFailedApplyFailsTheCommitWithTheReason() {
        String bad = repo.edit("environments/production.yaml", "name: hopper-t2-medium-nodes", "name: no-such-group")
                .commitAll("Scale a group that does not exist");
        startService();

        await().atMost(LONG).until(() -> statuses(github, bad, CONTEXT).stream().anyMatch(s -> s.startsWith("failure:")));
        assertThat(statuses(github, bad, CONTEXT)).last().asString().contains("no-such-group");
        assertThat(service.reconciles("failure")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRolloutThatNeverBecomesReadyFailsTheCommitAndTrafficIsNotMovedToIt() throws Exception {
        String commit = repo.edit("environments/production.yaml", "healthTimeout: 20s", "healthTimeout: 10s")
                .edit("environments/production.yaml", EXPOSE, EXPOSE + STUCK)
                .edit("environments/production.yaml", "state: maint", "state: ready")
                .commitAll("Deploy an image that never becomes ready, and move traffic back to the monolith");
        startService();

        await().atMost(LONG).until(() -> statuses(github, commit, CONTEXT).stream().anyMatch(s -> s.startsWith("failure")));
        assertThat(statuses(github, commit, CONTEXT)).last().asString()
                .startsWith("failure: kubernetes is degraded").contains("stuck");
        Path config = peers.root.resolve(Environments.CONFIG.substring(1));
        assertThat(java.nio.file.Files.readString(config)).as("HAProxy waits for Kubernetes: not rewritten for "
                + "this commit, so traffic does not move").doesNotContain(commit);
    }

    @Test
    void withRollbackOnARolloutThatNeverBecomesReadyIsRolledBackAndTheNextCommitIsApplied() {
        String good = repo.head();
        startService();
        await().atMost(LONG).until(() -> statuses(github, good, CONTEXT).stream().anyMatch(s -> s.startsWith("success")));

        String bad = repo.edit("environments/production.yaml", "healthTimeout: 20s", "healthTimeout: 10s, rollback: auto")
                .edit("environments/production.yaml", EXPOSE, EXPOSE + STUCK)
                .commitAll("Deploy an image that never becomes ready, with rollback on");
        await().atMost(LONG).until(() -> statuses(github, bad, CONTEXT).stream().anyMatch(s -> s.startsWith("failure")));
        assertThat(statuses(github, bad, CONTEXT)).last().asString()
                .startsWith("failure: rolled back to " + good.substring(0, 7) + ": kubernetes is degraded")
                .contains("stuck");
        assertThat(peers.kubernetes.client().apps().deployments().inNamespace("example").withName("stuck").get())
                .as("the last good commit does not declare it: the rollback pruned it").isNull();
        assertThat(service.metric("plumbline_rollbacks_total{environment=\"production\"}")).isEqualTo(1.0);

        String fix = repo.edit("environments/production.yaml", EXPOSE + STUCK, EXPOSE).commitAll("Take it out");
        await().atMost(LONG).until(() -> statuses(github, fix, CONTEXT).stream().anyMatch(s -> s.startsWith("success")));
        assertThat(service.get("/api/environments/production/history").body()).contains(bad, fix);
    }

    @Test
    void aRestartKeepsHistoryAndPostsNothingTwice() {
        String commit = repo.head();
        startService();
        await().atMost(LONG).until(() -> statuses(github, commit, CONTEXT).size() >= 2);
        List<String> before = statuses(github, commit, CONTEXT);
        service.close();

        service = RunningService.start(peers, repo.url(), tmp, RunningService.github(github));

        await().atMost(LONG).until(() -> service.get("/health").body().contains(commit));
        assertThat(service.get("/api/environments/production/history").body()).contains(commit);
        assertThat(service.reconciles("success")).as("the commit was already reconciled before the restart").isZero();
        assertThat(statuses(github, commit, CONTEXT)).isEqualTo(before);
    }
}
