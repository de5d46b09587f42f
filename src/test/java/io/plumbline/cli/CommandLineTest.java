package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.testing.TestRepo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void theExampleRepositoryIsValid() {
        assertThat(run("validate", "--repo", "example-repo")).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("ok: environments/production.yaml (environment production)",
                "ok: environments/staging.yaml (environment staging)");
    }

    @Test
    void invalidFilesExitTwoWithEveryProblemOnItsOwnLine() {
        int code = run("validate", "--repo", "src/test/resources/broken", "48-haproxy-missing-sockets.yaml",
                "09-prune-yes.yaml");

        assertThat(code).isEqualTo(Main.INVALID);
        assertThat(out.toString()).isEqualTo(String.join(System.lineSeparator(),
                "09-prune-yes.yaml:7:12: /spec/sync/prune: expected a boolean, found a string 'yes'",
                "48-haproxy-missing-sockets.yaml:6:3: /spec/haproxy: missing required field 'masterSocket'",
                "48-haproxy-missing-sockets.yaml:6:3: /spec/haproxy: missing required field 'runtimeSocket'",
                "3 problems in 2 files", ""));
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void hostileFilesExitTwoAndHideNoOtherFile(@TempDir Path tmp) throws Exception {
        Path repo = stagingOnly(tmp);
        Files.writeString(repo.resolve("environments/huge-number.yaml"), """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: huge-number}
                spec:
                  kubernetes:
                    namespaces: [example]
                    manifests: ["manifests/\\0x"]
                    applications:
                      - {name: web, namespace: example, image: nginx:1.27, port: 8080, replicas: 1000000000000}
                """);
        Files.writeString(repo.resolve("environments/Bad Name.yaml"), "apiVersion: plumbline/v1\n");
        Files.writeString(repo.resolve("environments/raw-nul.yaml"), "apiVersion: plumbline/v1\nkind: \0\n");

        int code = run("validate", "--repo", repo.toString());

        assertThat(code).isEqualTo(Main.INVALID);
        assertThat(out.toString()).contains("environments/Bad Name.yaml:1:1: not an environment file name",
                "environments/huge-number.yaml:7:17: /spec/kubernetes/manifests/0: invalid value 'manifests/\\u0000x'",
                "environments/huge-number.yaml:9:82: /spec/kubernetes/applications/0/replicas: must be at most 10000, found"
                        + " 1000000000000",
                "environments/raw-nul.yaml:2:7: a control character (U+0000) that YAML does not allow",
                "ok: environments/staging.yaml (environment staging)");
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void aSelfReferencingAliasInAFileOrAManifestExitsTwoAtItsPlace(@TempDir Path tmp) throws Exception {
        Path repo = stagingOnly(tmp);
        Files.writeString(repo.resolve("manifests/staging/frontend-pdb.yaml"), "x: &r [*r]\n");
        Files.writeString(repo.resolve("environments/loop.yaml"), "apiVersion: plumbline/v1\nx: &r [*r]\n");

        int code = run("validate", "--repo", repo.toString());

        assertThat(code).isEqualTo(Main.INVALID);
        assertThat(out.toString()).contains(
                "environments/loop.yaml:2:4: /x/0: the anchor &r is used inside its own value",
                "manifests/staging/frontend-pdb.yaml:1:4: /x/0: the anchor &r is used inside its own value");
        assertThat(err.toString()).doesNotContain("Error", "Exception");
    }

    /** A repository with the example's staging environment and its manifest. */
    private static Path stagingOnly(Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("environments"));
        Files.copy(Path.of("example-repo/environments/staging.yaml"), repo.resolve("environments/staging.yaml"));
        Files.createDirectories(repo.resolve("manifests/staging"));
        Files.copy(Path.of("example-repo/manifests/staging/frontend-pdb.yaml"),
                repo.resolve("manifests/staging/frontend-pdb.yaml"));
        return repo;
    }

    @Test
    void jsonOutputCarriesPositions() throws Exception {
        assertThat(run("validate", "--repo", "src/test/resources/broken", "--output", "json", "09-prune-yes.yaml"))
                .isEqualTo(Main.INVALID);

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.at("/problems/0/line").asInt()).isEqualTo(7);
        assertThat(json.at("/problems/0/column").asInt()).isEqualTo(12);
        assertThat(json.at("/problems/0/pointer").asText()).isEqualTo("/spec/sync/prune");
    }

    @Test
    void aCommitOfALocalRepositoryIsReadAtThatRef(@TempDir Path tmp) {
        try (TestRepo repo = TestRepo.withExampleRepo(tmp)) {
            repo.edit("environments/staging.yaml", "replicas: 1", "replicas: -1").commitAll("Break it");

            assertThat(run("validate", "--repo", repo.dir().toString(), "--ref", "main")).isEqualTo(Main.INVALID);
            assertThat(run("validate", "--repo", repo.dir().toString(), "--ref", "main~1")).isEqualTo(Main.OK);
        }
    }

    @Test
    void aRemoteRepositoryIsClonedAndReadAtItsBranch(@TempDir Path tmp) {
        try (TestRepo repo = TestRepo.withExampleRepo(tmp)) {
            assertThat(run("validate", "--repo", repo.url(), "--ref", "main")).isEqualTo(Main.OK);
            assertThat(out.toString()).contains("ok: environments/production.yaml (environment production)");
        }
    }

    @Test
    void aMissingRepositoryIsAFailureWithAPlainMessage() {
        assertThat(run("validate", "--repo", "/nonexistent/plumbline")).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).isEqualTo("plumbline: no such folder: /nonexistent/plumbline" + System.lineSeparator());
    }

    @Test
    void serveWithoutARepositoryIsInvalidInputWithAPlainMessage() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("PLUMBLINE_GIT_URL") == null,
                "PLUMBLINE_GIT_URL names a repository in this environment");
        assertThat(run("serve")).isEqualTo(Main.INVALID);
        assertThat(err.toString()).startsWith("plumbline: no repository to watch: pass --repo URL");
    }

    @Test
    void aProxyAgentNeedsAHostIdTheSchemaAllows() {
        assertThat(run("serve", "--repo", "/nonexistent", "--role", "haproxy-agent", "--host", "Proxy_1"))
                .isEqualTo(Main.INVALID);
        assertThat(err.toString()).startsWith("plumbline: a proxy host id is lower-case").contains("got 'Proxy_1'");
        assertThat(run("serve", "--repo", "/nonexistent", "--role", "proxy")).isEqualTo(Main.INVALID);
        assertThat(err.toString()).contains("unknown role 'proxy': central or haproxy-agent");
    }

    @Test
    void aUsageMistakeIsInvalidInput() {
        assertThat(run("validate", "--output", "yaml")).isEqualTo(Main.INVALID);
    }

    @Test
    void theUsageListsEveryCommand() {
        // Only the command asked for is registered at start; usage, version and mistakes still see all of them.
        assertThat(run("--help")).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("validate", "plan", "apply", "serve");
    }

    @Test
    void anUnknownCommandIsInvalidInputAndTheUsageNamesTheCommands() {
        assertThat(run("valdate", "--repo", "example-repo")).isEqualTo(Main.INVALID);
        assertThat(err.toString()).contains("valdate").contains("validate", "plan", "apply", "serve");
    }

    @Test
    void aCommandsOwnHelpIsThere() {
        assertThat(run("plan", "--help")).isEqualTo(Main.OK);
        assertThat(out.toString()).contains("--detailed-exitcode").doesNotContain("serve");
    }
}
