package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.provider.aws.MotoServer;
import io.plumbline.testing.TestRepo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code apply --output json}: one JSON document on stdout for every result, with the text output's exit codes. */
class ApplyJsonIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    @RegisterExtension
    static final FakeAwsCredentials CREDENTIALS = new FakeAwsCredentials();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static String environment(String mode, String repository) {
        return """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: production}
                spec:
                  sync: {mode: %s}
                  aws:
                    region: us-west-2
                    accountId: "%s"
                    ecr:
                      repositories:
                        - {name: %s, tagMutability: IMMUTABLE}
                """.formatted(mode, MotoServer.ACCOUNT, repository);
    }

    private JsonNode apply(TestRepo repo, int code) throws Exception {
        out.getBuffer().setLength(0);
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "apply", "--repo",
                repo.dir().toString(), "--ref", "main", "--env", "production", "--aws-endpoint",
                MOTO.endpoint().toString(), "--output", "json");
        assertThat(exit).as(out + "\n" + err).isEqualTo(code);
        return JSON.readTree(out.toString());
    }

    @Test
    void eachResultIsOneJsonDocumentWithTheExitCodeOfTheText(@TempDir Path tmp) throws Exception {
        MOTO.reset();
        try (TestRepo repo = TestRepo.withFiles(tmp, Map.of("environments/production.yaml",
                environment("auto", "frontend")))) {
            JsonNode created = apply(repo, Main.OK);
            assertThat(created.get("environment").asText()).isEqualTo("production");
            assertThat(created.get("commit").asText()).isEqualTo(repo.head());
            assertThat(created.get("result").asText()).isEqualTo("applied");
            assertThat(created.get("health").asText()).isEqualTo("healthy");
            assertThat(created.at("/objects/0/kind").asText()).isEqualTo("EcrRepository");
            assertThat(created.at("/objects/0/name").asText()).isEqualTo("frontend");
            assertThat(created.at("/objects/0/result").asText()).isEqualTo("created");

            assertThat(apply(repo, Main.OK).at("/objects/0/result").asText()).isEqualTo("unchanged");

            repo.write("environments/production.yaml", environment("plan-only", "backend")).commitAll("Plan only");
            assertThat(apply(repo, Main.OK).get("result").asText()).isEqualTo("planned-only");

            repo.write("environments/production.yaml", environment("suspended", "backend")).commitAll("Suspend");
            assertThat(apply(repo, Main.OK).get("result").asText()).isEqualTo("suspended");
        }
    }
}
