package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plumbline validate} in a JVM of its own, with class loading logged: it must not load what only
 * {@code plan}, {@code apply} and {@code serve} need (providers and their SDKs, the engine, the HTTP server).
 * Every class it loads is paid for on each run in a pull-request pipeline.
 */
class ValidateClassLoadingTest {
    private static final List<String> NOT_FOR_VALIDATE = List.of("io.plumbline.provider.", "io.plumbline.engine.",
            "io.plumbline.app.Providers", "io.plumbline.http.", "software.amazon.", "io.fabric8.", "io.vertx.",
            "io.micronaut.", "io.netty.", "org.eclipse.jgit.");

    @Test
    void validateLoadsNoProviderEngineOrServiceClass(@TempDir Path tmp) throws Exception {
        Path classes = tmp.resolve("classes.log");
        Process validate = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classes, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "validate", "--repo", "example-repo")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile()).start();
        assertThat(validate.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(validate.exitValue()).as(Files.readString(tmp.resolve("out.txt"))).isEqualTo(Main.OK);

        List<String> loaded = Files.readAllLines(classes).stream().map(ValidateClassLoadingTest::className).toList();
        assertThat(loaded).as("the log names what validate did load").contains("io.plumbline.load.EnvironmentLoader");
        assertThat(loaded).filteredOn(c -> NOT_FOR_VALIDATE.stream().anyMatch(c::startsWith)).isEmpty();
    }

    /** {@code [0.105s][info][class,load] java.lang.Object source: shared objects file} to the class name. */
    private static String className(String line) {
        String[] words = line.substring(line.indexOf("] ", line.indexOf("class,load")) + 2).split(" ");
        return words[0];
    }
}
