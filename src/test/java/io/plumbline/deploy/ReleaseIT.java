package io.plumbline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release tarball {@code package} makes unpacks to a working installation: the launcher finds the jar next to
 * it, reports the build's version, validates a repository, and the shipped completion script completes every
 * command. Runs after {@code package} (failsafe), on {@code target/plumbline-<version>.tar.gz}.
 */
class ReleaseIT {
    private static final String VERSION = System.getProperty("plumbline.version");

    @TempDir
    Path tmp;
    Path home;

    @BeforeEach
    void unpack() throws Exception {
        assertThat(VERSION).as("the build passes plumbline.version").isNotBlank();
        Path tarball = Path.of("target/plumbline-" + VERSION + ".tar.gz").toAbsolutePath();
        assertThat(tarball).isRegularFile();
        Result unpacked = run(tmp, Map.of(), "tar", "-xzf", tarball.toString());
        assertThat(unpacked.code()).as(unpacked.err()).isZero();
        home = tmp.resolve("plumbline-" + VERSION);
    }

    @Test
    void theUnpackedLauncherRunsTheShippedJar() throws Exception {
        assertThat(home.resolve("bin/plumbline")).isExecutable();
        assertThat(home.resolve("scripts/cds")).isExecutable();
        assertThat(home.resolve("deploy/kubernetes/kustomization.yaml")).isRegularFile();
        assertThat(home.resolve("deploy/systemd/plumbline.service")).isRegularFile();
        assertThat(home.resolve("README.md")).isRegularFile();

        // Run from elsewhere, with no jar but the release's to find.
        Result version = run(tmp, Map.of(), home.resolve("bin/plumbline").toString(), "--version");
        assertThat(version.code()).as(version.err()).isZero();
        assertThat(version.out().strip()).isEqualTo("plumbline " + VERSION);

        Result valid = run(tmp, Map.of(), home.resolve("bin/plumbline").toString(), "validate", "--repo",
                home.resolve("example-repo").toString());
        assertThat(valid.code()).as(valid.err()).isZero();
        assertThat(valid.out().lines()).contains("ok: environments/production.yaml (environment production)");

        Path broken = home.resolve("example-repo/environments/staging.yaml");
        Files.writeString(broken, Files.readString(broken).replace("interval: 1m", "interval: often"));
        Result invalid = run(tmp, Map.of(), home.resolve("bin/plumbline").toString(), "validate", "--repo",
                home.resolve("example-repo").toString());
        assertThat(invalid.code()).isEqualTo(2);
        assertThat(invalid.out() + invalid.err()).contains("environments/staging.yaml:10:15");
    }

    @Test
    void theCompletionScriptCompletesEveryCommandAndItsOptions() throws Exception {
        Path script = home.resolve("completion/plumbline");
        assertThat(script).isRegularFile();
        // What bash does on `plumbline <TAB>` and `plumbline apply --out<TAB>`: the function fills COMPREPLY.
        String complete = "source " + script + "; complete -p plumbline >/dev/null || exit 9; "
                + "COMP_WORDS=(plumbline ''); COMP_CWORD=1; _complete_plumbline; echo \"${COMPREPLY[*]}\"; "
                + "COMP_WORDS=(plumbline apply --out); COMP_CWORD=2; _complete_plumbline; echo \"${COMPREPLY[*]}\"";
        Result completed = run(tmp, Map.of(), "bash", "-c", complete);
        assertThat(completed.code()).as(completed.err()).isZero();
        List<String> lines = completed.out().lines().toList();
        assertThat(lines.get(0).split(" ")).contains("validate", "plan", "apply", "promote", "serve");
        assertThat(lines.get(1).split(" ")).contains("--output");
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(Path dir, Map<String, String> env, String... command) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
