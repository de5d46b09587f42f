package io.plumbline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.testing.TestRepo;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/promotions on a running service: staging reconciled healthy, its tag pushed for production. */
class PromotionIT {
    private static final Duration LONG = Duration.ofSeconds(120);
    private static final String STAGING = Environments.staging("""
              sync: {mode: auto, healthTimeout: 20s}
              kubernetes:
                namespaces: [staging]
                applications:
                  - name: frontend
                    namespace: staging
                    container: frontend-service
                    image: 123456789012.dkr.ecr.us-west-2.amazonaws.com/frontend:v1.5.0   # release candidate
                    port: 8000
            """);

    @RegisterExtension
    static final Peers peers = new Peers();

    @TempDir
    Path tmp;

    @Test
    void aHealthyStagingTagIsPushedOnABranchChangingOnlyTheTag() throws Exception {
        try (TestRepo repo = Environments.withStaging(tmp, peers, STAGING);
             RunningService service = RunningService.start(peers, repo.url(), tmp, Map.of())) {
            String before = repo.head();
            awaitStagingReconciled(service);

            HttpResponse<String> unknown = service.post("/api/promotions", Map.of("Content-Type", "application/json"),
                    "{\"from\": \"staging\", \"to\": \"production\", \"app\": \"users-backend\"}");
            assertThat(unknown.statusCode()).isEqualTo(409);
            assertThat(unknown.body()).contains("refused: staging has no application named users-backend");

            HttpResponse<String> promoted = service.post("/api/promotions", Map.of("Content-Type",
                    "application/json"), "{\"from\": \"staging\", \"to\": \"production\", \"branch\": \"promote/fe\"}");

            assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(201);
            assertThat(promoted.body()).contains("\"branch\":\"promote/fe\"", "\"from\":\"v1.4.2\"",
                    "\"to\":\"v1.5.0\"");
            assertThat(repo.head()).as("the environment branch is untouched").isEqualTo(before);
            try (Git git = Git.open(repo.dir().toFile())) {
                Repository r = git.getRepository();
                RevCommit commit = r.parseCommit(r.resolve("refs/heads/promote/fe"));
                assertThat(commit.getParent(0).getName()).isEqualTo(before);
                assertThat(commit.getFullMessage()).startsWith("Promote frontend v1.5.0 from staging to production");
                String promotedFile = new String(r.open(org.eclipse.jgit.treewalk.TreeWalk.forPath(r,
                        "environments/production.yaml", commit.getTree()).getObjectId(0)).getBytes());
                assertThat(promotedFile).isEqualTo(Environments.production(peers)
                        .replace("frontend:v1.4.2", "frontend:v1.5.0"));
            }
        }
    }

    @Test
    void aSecondIdenticalPromotionPlansOnTheTipJustPushedAndHasNothingToDo() throws Exception {
        try (TestRepo repo = Environments.withStaging(tmp, peers, STAGING);
             RunningService service = RunningService.start(peers, repo.url(), tmp, Map.of())) {
            String before = repo.head();
            awaitStagingReconciled(service);
            String request = "{\"from\": \"staging\", \"to\": \"production\"}";

            HttpResponse<String> first = promote(service, request);
            HttpResponse<String> second = promote(service, request);

            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
            assertThat(second.body()).contains("production already runs the tags staging runs; nothing to promote");
            try (Git git = Git.open(repo.dir().toFile())) {
                Repository r = git.getRepository();
                RevCommit tip = r.parseCommit(r.resolve("refs/heads/main"));
                assertThat(tip.getParent(0).getName()).as("one commit pushed").isEqualTo(before);
                assertThat(first.body()).contains(tip.getName());
            }
        }
    }

    @Test
    void aBranchNameGitRefusesIsABadRequest() throws Exception {
        try (TestRepo repo = Environments.withStaging(tmp, peers, STAGING);
             RunningService service = RunningService.start(peers, repo.url(), tmp, Map.of())) {
            String before = repo.head();
            awaitStagingReconciled(service);

            for (String branch : new String[] {"HEAD", "-x", "a..b", "a@{1}", "promote.lock", "promote/"}) {
                HttpResponse<String> refused = promote(service, "{\"from\": \"staging\", \"to\": \"production\", "
                        + "\"branch\": \"" + branch + "\"}");
                assertThat(refused.statusCode()).as(branch + ": " + refused.body()).isEqualTo(400);
                assertThat(refused.body()).contains("is not a branch name git accepts");
            }
            assertThat(repo.head()).isEqualTo(before);
            try (Git git = Git.open(repo.dir().toFile())) {
                assertThat(git.branchList().call()).extracting(ref -> ref.getName())
                        .containsExactly("refs/heads/main");
            }
        }
    }

    private static void awaitStagingReconciled(RunningService service) {
        await().atMost(LONG).until(() -> service.get("/api/environments/staging/history").body()
                .contains("\"result\":\"success\""));
    }

    private static HttpResponse<String> promote(RunningService service, String json) {
        return service.post("/api/promotions", Map.of("Content-Type", "application/json"), json);
    }
}
