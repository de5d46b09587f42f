package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.provider.aws.MotoServer;
import io.plumbline.testing.TestRepo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The plan of a network flags what costs money while idle; a bad network is refused with exit 2. */
class NetworkPlanIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    @RegisterExtension
    static final FakeAwsCredentials CREDENTIALS = new FakeAwsCredentials();

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    /** Runs a command on the repository's main branch; {@code args[0]} is the command. */
    private int run(TestRepo repo, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args[0], "--repo", repo.dir().toString(), "--ref", "main"));
        all.addAll(List.of(args).subList(1, args.length));
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    }

    @Test
    void natGatewaysAndElasticIpsAreFlaggedAsCostingMoneyWhileIdle(@TempDir Path tmp) throws IOException {
        MOTO.reset();
        String file = Files.readString(Path.of("src/test/resources/aws/hopper.yaml"));
        try (TestRepo repo = TestRepo.withFiles(tmp, Map.of("environments/hopper.yaml", file))) {
            String endpoint = MOTO.endpoint().toString();

            assertThat(run(repo, "plan", "--env", "hopper", "--aws-endpoint", endpoint)).as(out.toString() + err)
                    .isEqualTo(Main.OK);
            assertThat(out.toString()).contains("+ NatGateway hopper/hopper-nat  [costs money while idle]",
                    "+ ElasticIp hopper-nat  [costs money while idle]",
                    "Costs money while idle, used or not: ElasticIp hopper-nat, NatGateway hopper/hopper-nat.");
            assertThat(out.toString()).doesNotContain("+ Vpc hopper  [costs");

            assertThat(run(repo, "plan", "--env", "hopper", "--aws-endpoint", endpoint, "--output", "json"))
                    .isEqualTo(Main.OK);
            JsonNode changes = new ObjectMapper().readTree(out.toString()).get("changes");
            assertThat(changes.findParents("costsWhileIdle")).extracting(c -> c.get("kind").asText())
                    .containsExactlyInAnyOrder("ElasticIp", "NatGateway");
        }
    }

    @Test
    void aNatGatewayInAnUndeclaredSubnetIsRefusedWithItsPosition(@TempDir Path tmp) throws IOException {
        String file = Files.readString(Path.of("src/test/resources/aws/hopper.yaml"))
                .replace("{name: hopper-nat, subnet: hopper-public", "{name: hopper-nat, subnet: hopper-pub");
        try (TestRepo repo = TestRepo.withFiles(tmp, Map.of("environments/hopper.yaml", file))) {
            assertThat(run(repo, "validate")).isEqualTo(Main.INVALID);
            assertThat(out.toString() + err).contains("environments/hopper.yaml:40:",
                    "/spec/aws/network/vpcs/0/natGateways/0/subnet: no subnet 'hopper-pub' is declared in VPC hopper");
        }
    }
}
