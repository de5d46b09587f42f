package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plumbline apply} in a JVM of its own with Plumbline's own logging (no test configuration on the class
 * path), as on a terminal: standard output holds its answer alone; the service's logs go to standard error, and
 * only with {@code --verbose}.
 */
class CommandLineLogsTest {
    private static final String ANSWER = "Applied and converged; health: healthy" + System.lineSeparator();

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {}

    @Test
    void applyPrintsOnlyItsOwnLinesAndLogsNothingBelowWarn() throws Exception {
        Run apply = apply();

        assertThat(apply.code()).as(apply.err()).isEqualTo(Main.OK);
        assertThat(apply.out()).isEqualTo(ANSWER);
        assertThat(apply.err()).isEmpty();
    }

    @Test
    void withVerboseTheLogsGoToStandardErrorAndTheAnswerStaysAlone() throws Exception {
        Run apply = apply("--verbose");

        assertThat(apply.code()).as(apply.err()).isEqualTo(Main.OK);
        assertThat(apply.out()).isEqualTo(ANSWER);
        assertThat(apply.err()).contains("INFO  Reconciler - reconcile environment=tiny commit=working-tree "
                + "trigger=cli result=success");
    }

    /** Apply an environment that declares no provider: a whole reconcile, which the reconciler logs at INFO. */
    private Run apply(String... more) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo/environments")).getParent();
        Files.writeString(repo.resolve("environments/tiny.yaml"),
                "apiVersion: plumbline/v1\nkind: Environment\nmetadata: {name: tiny}\nspec:\n  sync: {mode: auto}\n");
        // the main classes and the libraries, without the tests' logback-test.xml
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath, Main.class.getName(), "apply", "--repo", repo.toString(), "--env", "tiny"));
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(tmp.resolve("out.txt")),
                Files.readString(tmp.resolve("err.txt")));
    }
}
