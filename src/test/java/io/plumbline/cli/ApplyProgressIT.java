package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.provider.aws.MotoServer;
import io.plumbline.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply} shows what it is doing on a terminal (here a pseudo-terminal made by {@code script}), and on a pipe
 * prints the result alone. Runs the packaged jar through {@code bin/plumbline} (failsafe, after {@code package}).
 */
class ApplyProgressIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @TempDir
    Path tmp;

    private TestRepo repo(String repository) {
        return TestRepo.withFiles(tmp.resolve(repository), Map.of("environments/production.yaml", """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: production}
                spec:
                  aws:
                    region: us-west-2
                    accountId: "%s"
                    ecr:
                      repositories:
                        - {name: %s}
                """.formatted(MotoServer.ACCOUNT, repository)));
    }

    private List<String> apply(TestRepo repo) {
        return List.of(Path.of("bin/plumbline").toAbsolutePath().toString(), "apply", "--repo", repo.dir().toString(),
                "--ref", "main", "--env", "production", "--aws-endpoint", MOTO.endpoint().toString());
    }

    @Test
    void onATerminalEachProviderStepShowsThenIsWiped() throws Exception {
        try (TestRepo repo = repo("on-a-terminal")) {
            String output = run(List.of("script", "-qec", String.join(" ", apply(repo)), "/dev/null"));
            assertThat(output).contains("\r\u001b[Kaws: applying 1 change (0s)")
                    .contains("created    aws EcrRepository on-a-terminal");
        }
    }

    @Test
    void onAPipeOnlyTheResultIsPrinted() throws Exception {
        try (TestRepo repo = repo("on-a-pipe")) {
            String output = run(apply(repo));
            assertThat(output).contains("created    aws EcrRepository on-a-pipe").doesNotContain("applying")
                    .doesNotContain("\u001b[K");
        }
    }

    /** Standard output and error together. */
    private String run(List<String> command) throws Exception {
        Path out = tmp.resolve("out.txt");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().putAll(Map.of("PLUMBLINE_JAR", Path.of("target/plumbline.jar").toAbsolutePath()
                .toString(), "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_REGION", "us-west-2"));
        Process p = builder.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(out);
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
