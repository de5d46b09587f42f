package io.plumbline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/cds} makes an archive the JVM accepts for the packaged jar, and {@code bin/plumbline} uses it,
 * or, when the JVM rejects it, runs without it and keeps the command's output clean. Runs after
 * {@code package} (failsafe), on {@code target/plumbline.jar}. Only the command-line archive is built here:
 * the serve archive comes from the same script, through the same training and the same check, and takes a
 * minute of a busy machine.
 */
class CdsArchiveIT {
    private static final Path JAR = Path.of("target/plumbline.jar").toAbsolutePath();
    private static final List<String> VALID = List.of("ok: environments/hopper.yaml (environment hopper)",
            "ok: environments/production.yaml (environment production)",
            "ok: environments/staging.yaml (environment staging)");

    @TempDir
    Path tmp;

    @Test
    void theScriptMakesAnArchiveTheJvmMapsAndTheLauncherUses() throws Exception {
        Path cds = buildArchive();

        // -Xshare:on: the JVM exits with an error rather than run without the archive.
        Path classes = tmp.resolve("classes.log");
        Result shared = run(Map.of(), Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:on", "-XX:SharedArchiveFile=" + cds.resolve("cli.jsa"),
                "-Xlog:class+load=info:file=" + classes, "-jar", JAR.toString(), "validate", "--repo", "example-repo");
        assertThat(shared.code()).as(shared.err()).isZero();
        assertThat(shared.out().lines()).containsExactlyElementsOf(VALID);
        assertThat(Files.readString(classes)).contains("io.plumbline.load.EnvironmentLoader source: shared objects file");

        Result launched = run(Map.of("PLUMBLINE_JAR", JAR.toString(), "PLUMBLINE_CDS_DIR", cds.toString(),
                "PLUMBLINE_JAVA_OPTS", "-Xshare:on"), "bin/plumbline", "validate", "--repo", "example-repo");
        assertThat(launched.code()).as(launched.err()).isZero();
        assertThat(launched.out().lines()).containsExactlyElementsOf(VALID);
    }

    @Test
    void anArchiveTheJvmRejectsIsSkippedWithoutTouchingTheOutput() throws Exception {
        // Another jar (another build) with the archive of the first: the archive is newer than that jar, so the
        // launcher passes it on, and the JVM refuses it.
        Path otherJar = Files.copy(JAR, tmp.resolve("plumbline.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        Path cds = buildArchive();

        Result launched = run(Map.of("PLUMBLINE_JAR", otherJar.toString(), "PLUMBLINE_CDS_DIR", cds.toString()),
                "bin/plumbline", "validate", "--repo", "example-repo");
        assertThat(launched.code()).as(launched.err()).isZero();
        assertThat(launched.out().lines()).containsExactlyElementsOf(VALID);
        assertThat(launched.err()).contains("shared archive");
    }

    private Path buildArchive() throws Exception {
        Path cds = tmp.resolve("cds");
        Result built = run(Map.of("PLUMBLINE_JAR", JAR.toString(), "PLUMBLINE_CDS_DIR", cds.toString()),
                "scripts/cds", "cli");
        assertThat(built.code()).as(built.out() + built.err()).isZero();
        assertThat(cds.resolve("cli.jsa")).isRegularFile();
        return cds;
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(Map<String, String> env, String... command) throws Exception {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
