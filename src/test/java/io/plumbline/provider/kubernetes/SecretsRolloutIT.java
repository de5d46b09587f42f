package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.plumbline.engine.plan.Pipeline;
import io.plumbline.engine.plan.ProviderPlan;
import io.plumbline.load.EnvironmentLoader;
import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.MotoServer;
import io.plumbline.secrets.SecretSettings;
import io.plumbline.secrets.SecretSources;
import io.plumbline.testing.MemoryFiles;
import io.plumbline.testing.Sops;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * An application's database password from a SOPS file (real sops, age) and its API token from Secrets Manager (moto)
 * reach the real control plane as a Secret the Deployment reads; a rotation in AWS rolls the pods; a pull request's
 * plan shows a secret changes without resolving anything; a tampered file applies nothing.
 */
class SecretsRolloutIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @TempDir
    Path dir;

    private final TestCluster cluster = new TestCluster();
    private final KubernetesProvider provider = cluster.provider(KubernetesOptions.DEFAULT
            .withHealthTimeout(Duration.ofSeconds(60)).withPollInterval(Duration.ofMillis(200)));
    private final String planted = "planted-" + UUID.randomUUID();
    private final Map<String, byte[]> repo = new HashMap<>();
    private Sops.AgeKey key;
    private SecretsManagerClient sm;
    private SecretSources sources;

    @BeforeEach
    void setUp() {
        assumeTrue(Sops.available(), "sops and age are built by scripts/sops-peer-build");
        key = Sops.ageKey(dir);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        sm = SecretsManagerClient.builder().endpointOverride(MOTO.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(credentials).build();
        sources = new SecretSources(new SecretSettings(Optional.of(key.identityFile()), Optional.empty(),
                Optional.of(MOTO.endpoint()), credentials));
    }

    @AfterEach
    void tearDown() {
        if (sources != null) {
            sources.close();
            sm.close();
        }
    }

    private void sopsFile(String password) throws IOException {
        Path file = dir.resolve("db-" + System.nanoTime() + ".yaml");
        Files.writeString(file, "db:\n  user: shop\n  password: " + password + "\n");
        Sops.encryptAge(file, key.recipient());
        repo.put("secrets/db.yaml", Files.readAllBytes(file));
    }

    private LoadedEnvironment load() {
        repo.put("environments/shop.yaml", ("""
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: %s}
                spec:
                  kubernetes:
                    namespaces: [%s]
                    applications:
                      - name: api
                        namespace: %s
                        image: registry.example/api:1.0
                        port: 8080
                        env:
                          LOG_LEVEL: info
                          DB_PASSWORD: {secret: {sops: secrets/db.yaml, key: db.password}}
                          API_TOKEN: {secret: {aws: secretsmanager, name: plumbline/shop/api, key: token, region: eu-west-1}}
                """).formatted(cluster.environment, cluster.namespace, cluster.namespace)
                .getBytes(StandardCharsets.UTF_8));
        return new EnvironmentLoader().load(new MemoryFiles(repo), "environments/shop.yaml");
    }

    private String stored(String variable) {
        GenericKubernetesResource secret = cluster.get("v1", "Secret", "api-secrets");
        return new String(Base64.getDecoder().decode((String) TestCluster.at(secret, "data", variable)),
                StandardCharsets.UTF_8);
    }

    private static List<Change> writes(List<ProviderPlan> plans) {
        return plans.stream().flatMap(p -> p.changes().changes().stream()).filter(c -> c.action().writes()).toList();
    }

    private static String shown(List<Change> changes) {
        return changes.stream().map(c -> c.action() + " " + c.key() + " " + c.fields() + " " + c.note()).toList()
                .toString();
    }

    @Test
    void eachSourceReachesTheDeploymentRotationRollsAndAPullRequestResolvesNothing() throws IOException {
        sopsFile(planted + "-sops");
        sm.createSecret(b -> b.name("plumbline/shop/api").secretString("{\"token\":\"" + planted + "-sm\"}"));
        Pipeline applying = new Pipeline(List.of(provider), sources);
        LoadedEnvironment env = load();

        List<ProviderPlan> first = applying.plan(env);
        assertThat(shown(writes(first))).doesNotContain(planted);
        assertThat(applying.apply(env, first).ok()).isTrue();

        assertThat(stored("DB_PASSWORD")).isEqualTo(planted + "-sops");
        assertThat(stored("API_TOKEN")).isEqualTo(planted + "-sm");
        GenericKubernetesResource deployment = cluster.get("apps/v1", "Deployment", "api");
        assertThat(String.valueOf(deployment.getAdditionalProperties())).doesNotContain(planted);
        String checksum = TestCluster.at(deployment, "spec", "template", "metadata", "annotations",
                "plumbline.io/secret-checksum");
        assertThat(checksum).startsWith("sha256:");
        assertThat(writes(applying.plan(env))).as("a fresh plan after the apply").isEmpty();

        // a rotation in AWS: the drift check's plan sees the new version, rolls the pods, never shows the value
        sm.putSecretValue(b -> b.secretId("plumbline/shop/api").secretString("{\"token\":\"" + planted + "-2\"}"));
        List<Change> rotated = writes(applying.plan(env));
        assertThat(rotated).extracting(c -> c.key().toString()).containsExactlyInAnyOrder(
                "kubernetes v1/Secret " + cluster.namespace + "/api-secrets",
                "kubernetes apps/v1/Deployment " + cluster.namespace + "/api");
        assertThat(shown(rotated)).doesNotContain(planted).containsPattern("secret changed \\(sha256:[0-9a-f]{8}\\)");
        assertThat(applying.apply(env, applying.plan(env)).ok()).isTrue();
        assertThat(stored("API_TOKEN")).isEqualTo(planted + "-2");
        assertThat((String) TestCluster.at(cluster.get("apps/v1", "Deployment", "api"), "spec", "template",
                "metadata", "annotations", "plumbline.io/secret-checksum")).isNotEqualTo(checksum);
        assertThat(writes(applying.plan(env))).isEmpty();

        // a pull request re-encrypts the password: its plan says the Secret changes, and resolves nothing
        sopsFile(planted + "-pr");
        LoadedEnvironment pullRequest = load();
        Map<String, Long> callsBefore = sources.awsCalls();
        Pipeline sealed = applying.sealed();
        List<ProviderPlan> prPlan = sealed.plan(pullRequest);
        assertThat(sources.awsCalls()).isEqualTo(callsBefore);
        List<Change> prWrites = writes(prPlan);
        assertThat(prWrites).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.UPDATE);
            assertThat(c.key().name()).isEqualTo("api-secrets");
        });
        assertThat(shown(prWrites)).doesNotContain(planted).contains("secret changed (sha256:");
        assertThatThrownBy(() -> sealed.apply(pullRequest, prPlan)).isInstanceOf(ProviderException.class)
                .hasMessageContaining("resolved none of the environment's secrets");
        assertThat(stored("DB_PASSWORD")).isEqualTo(planted + "-sops");

        // a tampered file: refused at its line, and nothing applied
        String text = new String(repo.get("secrets/db.yaml"), StandardCharsets.UTF_8);
        String line = text.lines().filter(l -> l.contains("password:")).findFirst().orElseThrow();
        int at = line.indexOf("data:") + 5;
        repo.put("secrets/db.yaml", text.replace(line, line.substring(0, at)
                + (line.charAt(at) == 'A' ? 'B' : 'A') + line.substring(at + 1)).getBytes(StandardCharsets.UTF_8));
        LoadedEnvironment tampered = load();
        assertThatThrownBy(() -> applying.plan(tampered)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get(0).toString())
                        .startsWith("secrets/db.yaml:3:").contains("db.password").doesNotContain(planted));
        assertThat(stored("DB_PASSWORD")).isEqualTo(planted + "-sops");
    }
}
