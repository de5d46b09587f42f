package io.plumbline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.provider.aws.AwsBaseline;
import io.plumbline.provider.aws.TestClients;
import io.plumbline.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An image tag that is not in the account's ECR refuses the whole reconcile before any provider writes. */
class ImagePreflightIT {
    private static final Duration LONG = Duration.ofSeconds(90);
    private static final String MISSING = "123456789012.dkr.ecr.us-west-2.amazonaws.com/frontend:v9.9.9";

    @RegisterExtension
    static final Peers peers = new Peers();

    @TempDir
    Path tmp;
    TestRepo repo;
    RunningService service;

    @AfterEach
    void tearDown() {
        service.close();
        repo.close();
    }

    private String history() {
        return service.get("/api/environments/production/history").body();
    }

    @Test
    void aMissingTagFailsTheReconcileNamingTheImageAndNothingIsWrittenAnywhere() throws Exception {
        repo = TestRepo.withFiles(tmp, Map.of("environments/production.yaml",
                Environments.production(peers).replace("frontend:v1.4.2", "frontend:v9.9.9")));
        String commit = repo.head();
        service = RunningService.start(peers, repo.url(), tmp, Map.of());

        await().atMost(LONG).until(() -> history().contains("\"result\":\"failure\""));
        assertThat(history()).contains(commit, "image pre-flight: " + MISSING
                + " cannot be pulled: ECR has no image tagged v9.9.9 in repository frontend; nothing was applied");

        try (var aws = TestClients.create(peers.moto.connection())) {
            assertThat(aws.autoScaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames(AwsBaseline.GROUP))
                    .autoScalingGroups().get(0).maxSize()).as("the group keeps its size from before").isEqualTo(1);
            assertThat(aws.ecr().describeRepositories().repositories().get(0).imageTagMutabilityAsString())
                    .as("the repository keeps its settings from before").isEqualTo("MUTABLE");
        }
        assertThat(peers.kubernetes.client().namespaces().withName("example").get()).isNull();
        assertThat(peers.kubernetes.client().apps().deployments().inNamespace("example").list().getItems()).isEmpty();
        Path config = peers.root.resolve(Environments.CONFIG.substring(1));
        assertThat(!Files.exists(config) || !Files.readString(config).contains(commit))
                .as("haproxy's configuration is not written for this commit").isTrue();

        String fixed = repo.edit("environments/production.yaml", "frontend:v9.9.9", "frontend:v1.4.2")
                .commitAll("Deploy the tag the build pushed");
        await().atMost(LONG).until(() -> service.reconciles("success") == 1);
        assertThat(history()).startsWith("[{\"environment\":\"production\",\"file\":\"environments/production.yaml\","
                + "\"commit\":\"" + fixed);
        assertThat(peers.kubernetes.client().apps().deployments().inNamespace("example").withName("frontend").get())
                .isNotNull();
    }
}
