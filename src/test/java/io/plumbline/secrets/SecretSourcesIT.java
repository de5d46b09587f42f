package io.plumbline.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.plumbline.load.EnvironmentLoader;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Problem;
import io.plumbline.model.SecretValues;
import io.plumbline.model.spec.SecretRef;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.MotoServer;
import io.plumbline.testing.MemoryFiles;
import io.plumbline.testing.ShopFile;
import io.plumbline.testing.Sops;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Secrets resolved from their real sources: SOPS files encrypted by the real {@code sops} (to age keys made by the
 * real {@code age-keygen}, and to moto's KMS), Secrets Manager and SSM on moto. Every value is planted and unique,
 * and every error is searched for them.
 */
class SecretSourcesIT {
    private static final String REGION = "eu-west-1";
    private static final String ENV_FILE = "environments/shop.yaml";

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @TempDir
    Path dir;

    private final String planted = "planted-" + UUID.randomUUID();
    private Sops.AgeKey key;
    private final Map<String, byte[]> repo = new HashMap<>();

    @BeforeEach
    void setUp() {
        assumeTrue(Sops.available(), "sops and age are built by scripts/sops-peer-build");
        MOTO.reset();
        key = Sops.ageKey(dir);
    }

    private SecretSources sources(Optional<Path> identities) {
        return new SecretSources(new SecretSettings(identities, Optional.empty(), Optional.of(MOTO.endpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"))), name -> null);
    }

    private SecretSources sources() {
        return sources(Optional.of(key.identityFile()));
    }

    /** Writes {@code text} as {@code path}, encrypts it with the real sops to the test's age key, adds it. */
    private String encrypted(String path, String text) throws IOException {
        Path file = dir.resolve(path.replace('/', '_'));
        Files.writeString(file, text);
        Sops.encryptAge(file, key.recipient());
        String out = Files.readString(file);
        repo.put(path, out.getBytes(StandardCharsets.UTF_8));
        return out;
    }

    private LoadedEnvironment load(String env) {
        repo.put(ENV_FILE, ShopFile.withEnv(env).getBytes(StandardCharsets.UTF_8));
        return new EnvironmentLoader().load(new MemoryFiles(repo), ENV_FILE);
    }

    private static String value(SecretValues values, String sops, String key) {
        return values.get(new SecretRef(null, sops, null, key, null)).orElseThrow().value().reveal();
    }

    @Test
    void sopsYamlJsonAndDotenvFilesEncryptedToAgeResolveInMemory() throws IOException {
        encrypted("secrets/app.yaml", "db:\n  password: " + planted + "-yaml\n  port: 5432\nflag: true\n"
                + "note_unencrypted: kept in clear\nratio: 1.50\n");
        encrypted("secrets/app.json", "{\"db\": {\"password\": \"" + planted + "-json\"}, \"n\": 2}");
        encrypted("secrets/app.env", "DB_PASSWORD=" + planted + "-env\nOTHER=x\n");
        LoadedEnvironment env = load("""
                A: {secret: {sops: secrets/app.yaml, key: db.password}}
                B: {secret: {sops: secrets/app.json, key: db.password}}
                C: {secret: {sops: secrets/app.env, key: DB_PASSWORD}}
                D: {secret: {sops: secrets/app.yaml, key: db.port}}
                """);

        assertThat(String.valueOf(env)).doesNotContain(planted);
        SecretValues values;
        try (SecretSources sources = sources()) {
            values = sources.resolve(env);
            assertThat(sources.awsCalls()).isEmpty();   // age opened them all: no AWS call
        }

        assertThat(value(values, "secrets/app.yaml", "db.password")).isEqualTo(planted + "-yaml");
        assertThat(value(values, "secrets/app.json", "db.password")).isEqualTo(planted + "-json");
        assertThat(value(values, "secrets/app.env", "DB_PASSWORD")).isEqualTo(planted + "-env");
        assertThat(value(values, "secrets/app.yaml", "db.port")).isEqualTo("5432");
        assertThat(values.toString()).doesNotContain(planted);
        assertThat(String.valueOf(values.entries())).doesNotContain(planted);
    }

    @Test
    void aSopsFileEncryptedToKmsOpensWithKmsDecrypt() throws IOException {
        String arn;
        try (KmsClient kms = KmsClient.builder().endpointOverride(MOTO.endpoint()).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing",
                        "testing"))).build()) {
            arn = kms.createKey(b -> b.description("sops")).keyMetadata().arn();
        }
        Path file = dir.resolve("kms.yaml");
        Files.writeString(file, "db:\n  password: " + planted + "\n");
        Sops.encryptKms(file, arn, MOTO.endpoint());
        repo.put("secrets/kms.yaml", Files.readAllBytes(file));
        LoadedEnvironment env = load("A: {secret: {sops: secrets/kms.yaml, key: db.password}}\n");

        try (SecretSources sources = sources(Optional.empty())) {
            assertThat(value(sources.resolve(env), "secrets/kms.yaml", "db.password")).isEqualTo(planted);
            assertThat(sources.awsCalls()).containsOnlyKeys("Kms.Decrypt");
        }
    }

    @Test
    void secretsManagerAndSecureStringParametersResolveWithTheirVersions() {
        try (SecretsManagerClient sm = SecretsManagerClient.builder().endpointOverride(MOTO.endpoint())
                .region(Region.of(REGION)).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("testing", "testing"))).build();
             SsmClient ssm = SsmClient.builder().endpointOverride(MOTO.endpoint()).region(Region.of(REGION))
                     .credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create("testing", "testing"))).build()) {
            sm.createSecret(b -> b.name("shop/db").secretString("{\"password\":\"" + planted + "-sm\"}"));
            ssm.putParameter(b -> b.name("/shop/token").value(planted + "-ssm").type(ParameterType.SECURE_STRING));
            LoadedEnvironment env = load("""
                    A: {secret: {aws: secretsmanager, name: shop/db, key: password, region: eu-west-1}}
                    B: {secret: {aws: ssm, name: /shop/token, region: eu-west-1}}
                    """);
            SecretRef a = new SecretRef("secretsmanager", null, "shop/db", "password", REGION);
            SecretRef b = new SecretRef("ssm", null, "/shop/token", null, REGION);

            try (SecretSources sources = sources()) {
                SecretValues first = sources.resolve(env);
                assertThat(first.get(a).orElseThrow().value().reveal()).isEqualTo(planted + "-sm");
                assertThat(first.get(b).orElseThrow().value().reveal()).isEqualTo(planted + "-ssm");

                // a rotation in AWS: a new version id, which is what the Pod template's checksum is made of
                sm.putSecretValue(r -> r.secretId("shop/db").secretString("{\"password\":\"" + planted + "-2\"}"));
                SecretValues second = sources.resolve(env);
                assertThat(second.get(a).orElseThrow().version()).isNotEqualTo(first.get(a).orElseThrow().version());
                assertThat(second.get(b).orElseThrow().version()).isEqualTo(first.get(b).orElseThrow().version());
                assertThat(sources.awsCalls()).containsOnlyKeys("SecretsManager.GetSecretValue",
                        "Ssm.GetParameter");
            }
        }
    }

    @Test
    void aPlainStringParameterAndAMissingSecretAreRefusedNamingTheReferenceOnly() {
        try (SsmClient ssm = SsmClient.builder().endpointOverride(MOTO.endpoint()).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("testing", "testing"))).build()) {
            ssm.putParameter(b -> b.name("/shop/plain").value(planted).type(ParameterType.STRING));
        }
        try (SecretSources sources = sources()) {
            assertThatThrownBy(() -> sources.resolve(load("A: {secret: {aws: ssm, name: /shop/plain, region: eu-west-1}}\n")))
                    .isInstanceOf(ProviderException.class).hasMessageContaining("not a SecureString")
                    .message().doesNotContain(planted);
            assertThatThrownBy(() -> sources.resolve(load(
                    "A: {secret: {aws: secretsmanager, name: shop/none, region: eu-west-1}}\n")))
                    .isInstanceOf(ProviderException.class).hasMessageContaining("ResourceNotFoundException");
        }
    }

    private Problem refusal(LoadedEnvironment env, SecretSources sources) {
        try {
            sources.resolve(env);
        } catch (InvalidInputException e) {
            assertThat(e.problems()).hasSize(1);
            assertThat(e.getMessage() + e.problems()).doesNotContain(planted);
            return e.problems().get(0);
        }
        throw new AssertionError("resolved a file it should have refused");
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in the file");
    }

    @Test
    void aTamperedValueIsRefusedAtItsLine() throws IOException {
        String text = encrypted("secrets/app.yaml", "db:\n  user: shop\n  password: " + planted + "\n");
        String password = text.lines().filter(l -> l.contains("password:")).findFirst().orElseThrow();
        int data = password.indexOf("data:") + 5;
        char flipped = password.charAt(data) == 'A' ? 'B' : 'A';
        String tampered = password.substring(0, data) + flipped + password.substring(data + 1);
        repo.put("secrets/app.yaml", text.replace(password, tampered).getBytes(StandardCharsets.UTF_8));

        try (SecretSources sources = sources()) {
            Problem p = refusal(load("A: {secret: {sops: secrets/app.yaml, key: db.password}}\n"), sources);
            assertThat(p.file()).isEqualTo("secrets/app.yaml");
            assertThat(p.line()).isEqualTo(lineOf(text, "password:"));
            assertThat(p.message()).contains("'db.password' does not decrypt").contains("nothing applied");
        }
    }

    @Test
    void aValueRemovedFailsTheMacAtTheMacsLine() throws IOException {
        String text = encrypted("secrets/app.yaml", "db:\n  user: shop\n  password: " + planted + "\n");
        String user = text.lines().filter(l -> l.contains("user:")).findFirst().orElseThrow();
        repo.put("secrets/app.yaml", text.replace(user + "\n", "").getBytes(StandardCharsets.UTF_8));

        try (SecretSources sources = sources()) {
            Problem p = refusal(load("A: {secret: {sops: secrets/app.yaml, key: db.password}}\n"), sources);
            assertThat(p.line()).isEqualTo(lineOf(text, "mac: ENC[") - 1);
            assertThat(p.message()).contains("MAC does not match");
        }
    }

    @Test
    void aReKeyedFileIsRefused() throws IOException {
        String text = encrypted("secrets/app.yaml", "db:\n  password: " + planted + "\n");
        String other = encrypted("secrets/other.yaml", "db:\n  password: other\n");
        String enc = block(text);
        repo.put("secrets/app.yaml", text.replace(enc, block(other)).getBytes(StandardCharsets.UTF_8));

        try (SecretSources sources = sources()) {
            Problem p = refusal(load("A: {secret: {sops: secrets/app.yaml, key: db.password}}\n"), sources);
            assertThat(p.message()).contains("re-keyed");
        }
    }

    @Test
    void aFileNoConfiguredIdentityOpensIsRefusedNamingItsRecipients() throws IOException {
        encrypted("secrets/app.yaml", "db:\n  password: " + planted + "\n");
        Sops.AgeKey stranger = Sops.ageKey(dir);

        try (SecretSources sources = sources(Optional.of(stranger.identityFile()))) {
            Problem p = refusal(load("A: {secret: {sops: secrets/app.yaml, key: db.password}}\n"), sources);
            assertThat(p.message()).contains("no key this service holds opens its data key")
                    .contains(key.recipient());
        }
    }

    @Test
    void aTruncatedFileIsRefusedWhenLoading() throws IOException {
        String text = encrypted("secrets/app.yaml", "db:\n  password: " + planted + "\n");
        repo.put("secrets/app.yaml", text.substring(0, text.indexOf("sops:")).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> load("A: {secret: {sops: secrets/app.yaml, key: db.password}}\n"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get(0).toString())
                        .contains(ENV_FILE).contains("is not encrypted with SOPS"));
    }

    /** The armored age block holding the file's data key. */
    private static String block(String text) {
        int start = text.indexOf("-----BEGIN AGE ENCRYPTED FILE-----");
        int end = text.indexOf("-----END AGE ENCRYPTED FILE-----");
        return text.substring(start, end);
    }
}
