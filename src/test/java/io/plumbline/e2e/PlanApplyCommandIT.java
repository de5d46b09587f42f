package io.plumbline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.cli.Main;
import io.plumbline.testing.TestRepo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code plumbline plan} and {@code apply} from the command line, against the real peers. */
class PlanApplyCommandIT {
    @RegisterExtension
    static final Peers peers = new Peers();

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--aws-endpoint", peers.moto.endpoint().toString(),
                "--kubeconfig", peers.kubernetes.kubeconfig().toString(),
                "--haproxy-root", peers.root.toString()));
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void planShowsChangesApplyMakesThemAndTheNextPlanIsEmpty() throws Exception {
        try (TestRepo repo = TestRepo.withFiles(tmp, Map.of("environments/production.yaml",
                Environments.production(peers)))) {
            String dir = repo.dir().toString();

            Run plan = run("plan", "--repo", dir, "--env", "production", "--detailed-exitcode");
            assertThat(plan.code()).as(plan.err()).isEqualTo(Main.CHANGES);
            assertThat(plan.out()).contains("Plan for environment production at working-tree",
                    "  ~ EcrRepository frontend", "  + v1/Namespace example", "  + apps/v1/Deployment example/frontend");
            assertThat(plan.out()).containsPattern("Plan: [0-9]+ to create, [0-9]+ to update, 0 to delete");

            Run apply = run("apply", "--repo", dir, "--env", "production");
            assertThat(apply.code()).as(apply.out() + apply.err()).isEqualTo(Main.OK);
            assertThat(apply.out()).contains("configured aws EcrRepository frontend",
                    "created    kubernetes apps/v1/Deployment example/frontend").contains("Applied and converged; health: healthy");

            Run again = run("plan", "--repo", dir, "--env", "production", "--detailed-exitcode", "--output", "json");
            assertThat(again.code()).as(again.out()).isEqualTo(Main.OK);
            JsonNode json = new ObjectMapper().readTree(again.out());
            assertThat(json.get("environment").asText()).isEqualTo("production");
            assertThat(json.get("changes")).allSatisfy(c -> assertThat(c.get("action").asText())
                    .isIn("noop", "orphan", "adopt"));
        }
    }

    @Test
    void aChangedImageIsPlannedFieldByField() {
        try (TestRepo repo = TestRepo.withFiles(tmp, Map.of("environments/production.yaml",
                Environments.production(peers)))) {
            assertThat(run("apply", "--repo", repo.dir().toString(), "--env", "production").code()).isEqualTo(Main.OK);
            repo.edit("environments/production.yaml", "frontend:v1.4.2", "frontend:v1.5.0");

            Run plan = run("plan", "--repo", repo.dir().toString(), "--env", "production", "--detailed-exitcode");

            assertThat(plan.code()).isEqualTo(Main.CHANGES);
            assertThat(plan.out()).contains("  ~ apps/v1/Deployment example/frontend",
                    "spec.template.spec.containers[name=frontend-service].image: "
                            + "\"123456789012.dkr.ecr.us-west-2.amazonaws.com/frontend:v1.4.2\" -> "
                            + "\"123456789012.dkr.ecr.us-west-2.amazonaws.com/frontend:v1.5.0\"",
                    "Plan: 0 to create, 1 to update, 0 to delete");
        }
    }

    @Test
    void applyHonoursPlanOnlyModeAndWritesNothing() {
        try (TestRepo repo = TestRepo.withFiles(tmp, Map.of("environments/production.yaml",
                Environments.production(peers).replace("mode: auto", "mode: plan-only")
                        .replace("frontend:v1.4.2", "frontend:v9.9.9")))) {
            Run apply = run("apply", "--repo", repo.dir().toString(), "--env", "production");

            assertThat(apply.code()).as(apply.out() + apply.err()).isEqualTo(Main.OK);
            assertThat(apply.out()).contains("skipped    kubernetes apps/v1/Deployment example/frontend: plan-only",
                    "Planned only (spec.sync.mode: plan-only): nothing applied");
            Run plan = run("plan", "--repo", repo.dir().toString(), "--env", "production", "--detailed-exitcode");
            assertThat(plan.code()).as("the change is still to be made").isEqualTo(Main.CHANGES);
            assertThat(plan.out()).contains("frontend:v9.9.9");
        }
    }

    @Test
    void applyRefusesWhileADenyWindowIsOpenUnlessToldToIgnoreTheWindows() {
        // Opens every minute for a minute: always open. Staging writes only its own repository, apart from production.
        String staging = Environments.staging("""
                  sync: {mode: auto, windows: [{kind: deny, schedule: "* * * * *", duration: 1m}]}
                  aws:
                    region: us-west-2
                    accountId: "123456789012"
                    ecr:
                      repositories:
                        - {name: staging-tools, tagMutability: IMMUTABLE, scanOnPush: true}
                """);
        try (TestRepo repo = Environments.withStaging(tmp, peers, staging)) {
            String dir = repo.dir().toString();
            Run refused = run("apply", "--repo", dir, "--env", "staging");

            assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(Main.FAILURE);
            assertThat(refused.err()).contains("Refused: the sync window deny \"* * * * *\" for 1m (UTC) is open until ",
                    " UTC for environment staging; nothing applied", "--ignore-windows");
            Run plan = run("plan", "--repo", dir, "--env", "staging", "--detailed-exitcode");
            assertThat(plan.code()).as("nothing was written").isEqualTo(Main.CHANGES);
            assertThat(plan.out()).contains("+ EcrRepository staging-tools");

            Run forced = run("apply", "--repo", dir, "--env", "staging", "--ignore-windows");
            assertThat(forced.code()).as(forced.out() + forced.err()).isEqualTo(Main.OK);
            assertThat(forced.out()).contains("created    aws EcrRepository staging-tools", "Applied and converged");
            assertThat(run("plan", "--repo", dir, "--env", "staging", "--detailed-exitcode").code())
                    .isEqualTo(Main.OK);
        }
    }

    @Test
    void anUnknownEnvironmentOrAnInvalidFileIsInvalidInput() {
        try (TestRepo repo = TestRepo.withFiles(tmp, Map.of("environments/production.yaml",
                Environments.production(peers).replace("replicas: 2", "replicas: -2")))) {
            Run invalid = run("plan", "--repo", repo.dir().toString(), "--env", "production");
            assertThat(invalid.code()).isEqualTo(Main.INVALID);
            assertThat(invalid.err()).contains("environments/production.yaml:31:19: "
                    + "/spec/kubernetes/applications/0/replicas: must be at least 0, found -2");
        }
    }
}
