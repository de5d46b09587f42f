package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.provider.aws.AwsBaseline;
import io.plumbline.provider.aws.AwsClients;
import io.plumbline.provider.aws.MotoServer;
import io.plumbline.provider.aws.TestClients;
import io.plumbline.testing.TestRepo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A plan the deletion guard would refuse is shown in full, marked, and exits 3; apply still refuses it. */
class GuardedPlanIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    @RegisterExtension
    static final FakeAwsCredentials CREDENTIALS = new FakeAwsCredentials();

    private StringWriter out = new StringWriter();

    private int run(TestRepo repo, String... args) {
        out = new StringWriter();
        String[] common = {"--repo", repo.dir().toString(), "--ref", "main", "--env", "production",
            "--aws-endpoint", MOTO.endpoint().toString()};
        String[] all = new String[args.length + common.length];
        all[0] = args[0];
        System.arraycopy(common, 0, all, 1, common.length);
        System.arraycopy(args, 1, all, 1 + common.length, args.length - 1);
        return Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), all);
    }

    @Test
    void aRefusedPlanIsShownWithItsTrailerAndExitsThree(@TempDir Path tmp) throws IOException {
        MOTO.reset();
        try (AwsClients hand = TestClients.create(MOTO.connection())) {
            AwsBaseline.seed(hand);
        }
        String file = Files.readString(Path.of("src/test/resources/aws/production.yaml"))
                .replace("prune: false", "prune: true").replace("maxDeletePercent: 20", "maxDeletePercent: 5");
        try (TestRepo repo = TestRepo.withFiles(tmp, Map.of("environments/production.yaml", file))) {
            assertThat(run(repo, "apply")).as(out.toString()).isEqualTo(Main.OK);

            repo.write("environments/production.yaml", file.replaceAll("(?m)^          - \\{name: www.*\\n", "")
                    .replaceAll("(?m)^          - \\{name: example.com, type: TXT.*\\n", ""));
            repo.commitAll("Drop two records");

            assertThat(run(repo, "plan", "--detailed-exitcode")).as(out.toString()).isEqualTo(Main.CHANGES);
            assertThat(out.toString()).contains("- DnsRecord example.com/www.example.com CNAME",
                    "[refused by the deletion guard]", "'Plumbline-Allow-Deletes: 2' allows them");

            assertThat(run(repo, "plan", "--output", "json")).isEqualTo(Main.OK);
            JsonNode json = new ObjectMapper().readTree(out.toString());
            assertThat(json.at("/refused/0/trailer").asText()).isEqualTo("Plumbline-Allow-Deletes: 2");

            assertThat(run(repo, "apply")).isEqualTo(Main.FAILURE);
            // the same deletions again, in a commit that says it means them (a trailing newline makes it a change)
            repo.write("environments/production.yaml", file.replaceAll("(?m)^          - \\{name: www.*\\n", "")
                    .replaceAll("(?m)^          - \\{name: example.com, type: TXT.*\\n", "") + "\n");
            repo.commitAll("Drop two records\n\nPlumbline-Allow-Deletes: 2");
            assertThat(run(repo, "plan", "--detailed-exitcode")).isEqualTo(Main.CHANGES);
            assertThat(out.toString()).doesNotContain("refused");
            assertThat(run(repo, "apply")).as(out.toString()).isEqualTo(Main.OK);
        }
    }
}
