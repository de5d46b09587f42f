package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plumbline import} of a hand-written haproxy.cfg: what it writes, what it reports, what it refuses. */
class ImportCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path repo;

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private int importHaproxy(String... more) {
        String[] common = {"import", "--name", "edge", "--repo", repo.toString(), "--haproxy-config",
            "/haproxy.cfg", "--haproxy-root", "src/test/resources/import"};
        String[] all = java.util.Arrays.copyOf(common, common.length + more.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return run(all);
    }

    @Test
    void theFileWrittenIsValidAndNamesWhatWasLeftOut() throws Exception {
        Path report = repo.resolve("report.txt");
        assertThat(importHaproxy("--report", report.toString())).as(err.toString()).isEqualTo(Main.OK);
        assertThat(out.toString().strip()).isEqualTo("environments/edge.yaml");
        assertThat(err.toString()).contains("haproxy backend: 1", "haproxy server: 2",
                "haproxy /haproxy.cfg:3 [global] daemon: the typed form has no field for it",
                "haproxy /haproxy.cfg:13 [defaults] option httplog: the typed form has no field for it");
        assertThat(Files.readString(report)).isEqualTo(err.toString());
        assertThat(err.toString()).contains("[listen stats] stats auth … (not shown: it may hold a credential)",
                "[userlist admins] userlist admins: a section the typed form does not have")
                .doesNotContain("s3cr3t", "hunter2");
        assertThat(Files.readString(repo.resolve("environments/edge.yaml"))).contains(
                "  # read from /haproxy.cfg\n  haproxy:\n",
                "defaults: {mode: http, connectTimeout: 5s, clientTimeout: 30s, serverTimeout: 30000ms}",
                "- {name: haproxynode, bind: \"*:80\", defaultBackend: backendnodes}",
                "healthCheck: {method: HEAD, path: /, host: example.com, interval: 5s}",
                "- {name: example, address: \"www.example.com:80\", state: maint}",
                "stats: {bind: \"*:8001\", uri: /, admin: true}");
        assertThat(run("validate", "--repo", repo.toString(), "environments/edge.yaml")).as(out.toString())
                .isEqualTo(Main.OK);
        try (var files = Files.walk(repo)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(p)).doesNotContain("s3cr3t", "hunter2");
            }
        }
    }

    @Test
    void anExistingFileIsNotOverwrittenWithoutForce() throws Exception {
        Path file = repo.resolve("environments/edge.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# the team's own\n");
        assertThat(importHaproxy()).isEqualTo(Main.INVALID);
        assertThat(err.toString()).contains("environments/edge.yaml exists already; import overwrites nothing without"
                + " --force");
        assertThat(Files.readString(file)).isEqualTo("# the team's own\n");
        assertThat(importHaproxy("--force")).as(err.toString()).isEqualTo(Main.OK);
        assertThat(Files.readString(file)).startsWith("# Imported by `plumbline import`");
    }

    @Test
    void nothingToImportOrABadNameIsInvalidInput() {
        assertThat(run("import", "--name", "edge", "--repo", repo.toString())).isEqualTo(Main.INVALID);
        assertThat(err.toString()).contains("nothing to import");
        assertThat(run("import", "--name", "Edge_1", "--repo", repo.toString(), "--namespace", "x"))
                .isEqualTo(Main.INVALID);
        assertThat(run("import", "--repo", repo.toString())).as("--name is required").isEqualTo(Main.INVALID);
        assertThat(run("import", "--name", "edge", "--repo", repo.toString(), "--aws-region", "us-west-2", "--tag",
                "team")).isEqualTo(Main.INVALID);
        assertThat(err.toString()).contains("--tag wants KEY=VALUE: team");
        assertThat(repo.resolve("environments")).doesNotExist();
    }

    @Test
    void aMissingConfigurationFailsAndWritesNothing() {
        assertThat(run("import", "--name", "edge", "--repo", repo.toString(), "--haproxy-config", "/nowhere.cfg",
                "--haproxy-root", "src/test/resources/import")).isEqualTo(Main.FAILURE);
        assertThat(repo.resolve("environments")).doesNotExist();
    }
}
