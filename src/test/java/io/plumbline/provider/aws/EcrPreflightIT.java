package io.plumbline.provider.aws;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.RawManifest;
import io.plumbline.provider.ProviderException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The AWS provider's pre-flight against moto's ECR: which images it checks, and how it names a missing one. */
class EcrPreflightIT {
    private static final String REGISTRY = MotoServer.ACCOUNT + ".dkr.ecr.us-west-2.amazonaws.com/";

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @BeforeAll
    static void pushed() {
        try (var aws = TestClients.create(MOTO.connection())) {
            EcrImages.push(aws, "frontend", "v1.4.2");
            EcrImages.push(aws, "migrations", "v7");
        }
    }

    /** The fixture with one application image and one raw manifest whose init container has an image. */
    private static LoadedEnvironment environment(String appImage, String initImage) {
        Fixture fixture = Fixture.load("aws/production.yaml");
        fixture.tree().with("spec").with("kubernetes").putArray("applications").addObject()
                .put("name", "frontend").put("namespace", "example").put("image", appImage);
        LoadedEnvironment env = fixture.environment();
        Map<String, Object> job = Map.of("apiVersion", "batch/v1", "kind", "Job", "metadata", Map.of("name", "migrate"),
                "spec", Map.of("template", Map.of("spec", Map.of("initContainers",
                        List.of(Map.of("name", "migrate", "image", initImage)), "containers",
                        List.of(Map.of("name", "done", "image", "busybox:1.36")))))); // not ECR: not checked
        return new LoadedEnvironment(env.file(), env.environment(),
                List.of(new RawManifest("manifests/migrate.yaml", 1, job)), env.revision());
    }

    @Test
    void imagesThatExistPass() {
        try (AwsProvider provider = new AwsProvider(MOTO.connection())) {
            assertThatCode(() -> provider.preflight(environment(REGISTRY + "frontend:v1.4.2", REGISTRY + "migrations:v7")))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aMissingTagInARawManifestIsNamed() {
        try (AwsProvider provider = new AwsProvider(MOTO.connection())) {
            assertThatThrownBy(() -> provider.preflight(environment(REGISTRY + "frontend:v1.4.2",
                    REGISTRY + "migrations:v8")))
                    .isInstanceOf(ProviderException.class)
                    .hasMessage("image pre-flight: " + REGISTRY + "migrations:v8 cannot be pulled: ECR has no image "
                            + "tagged v8 in repository migrations; nothing was applied");
        }
    }

    @Test
    void aMissingRepositoryIsNamedAndOtherAccountsAreNotChecked() {
        try (AwsProvider provider = new AwsProvider(MOTO.connection())) {
            assertThatThrownBy(() -> provider.preflight(environment(REGISTRY + "nowhere:v1", REGISTRY + "migrations:v7")))
                    .hasMessageContaining(REGISTRY + "nowhere:v1 cannot be pulled: ECR repository nowhere does not "
                            + "exist in us-west-2");
            assertThatCode(() -> provider.preflight(environment(
                    "999999999999.dkr.ecr.us-west-2.amazonaws.com/frontend:v0", REGISTRY + "migrations:v7")))
                    .doesNotThrowAnyException();
        }
    }
}
