package io.plumbline.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Problem;
import io.plumbline.testing.MemoryFiles;
import io.plumbline.testing.ShopFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secret references are checked at load, without decrypting: a bad one is refused at its file:line:col. */
class SecretChecksTest {
    private static final String FILE = "environments/shop.yaml";

    private static Map<String, byte[]> repo(String env) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        // encrypted by the real sops to the demo's test age key
        files.put("secrets/staging-db.yaml", Files.readAllBytes(Path.of("example-repo/secrets/staging-db.yaml")));
        files.put("secrets/clear.yaml", "db:\n  password: in-clear\n".getBytes(StandardCharsets.UTF_8));
        files.put(FILE, ShopFile.withEnv(env).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static List<Problem> problems(String env) throws IOException {
        Map<String, byte[]> files = repo(env);
        try {
            new EnvironmentLoader().load(new MemoryFiles(files), FILE);
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("loaded");
    }

    @Test
    void aGoodReferenceLoadsWithItsFingerprintAndTheEncryptedFile() throws IOException {
        LoadedEnvironment env = new EnvironmentLoader().load(new MemoryFiles(repo(
                "DB_PASSWORD: {secret: {sops: secrets/staging-db.yaml, key: db.password}}\n")), FILE);

        assertThat(env.secrets().isResolved()).isFalse();
        assertThat(env.secrets().entries().values()).singleElement()
                .satisfies(e -> assertThat(e.fingerprint()).startsWith("sha256:"))
                .satisfies(e -> assertThat(e.value()).isNull());
        assertThat(env.files()).containsKey("secrets/staging-db.yaml");
    }

    @Test
    void aMissingKeyIsRefusedAtTheKey() throws IOException {
        assertThat(problems("DB_PASSWORD: {secret: {sops: secrets/staging-db.yaml, key: db.pasword}}\n"))
                .singleElement().satisfies(p -> {
                    assertThat(p.toString()).startsWith(FILE + ":13:");
                    assertThat(p.message()).contains("has no value at 'db.pasword'");
                });
    }

    @Test
    void aValueInClearIsRefused() throws IOException {
        assertThat(problems("DB_PASSWORD: {secret: {sops: secrets/clear.yaml, key: db.password}}\n"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("is not encrypted with SOPS"));
    }

    @Test
    void aMissingFileIsRefusedAtTheReference() throws IOException {
        assertThat(problems("DB_PASSWORD: {secret: {sops: secrets/none.yaml, key: db.password}}\n"))
                .singleElement().satisfies(p -> {
                    assertThat(p.toString()).startsWith(FILE + ":13:");
                    assertThat(p.message()).contains("no such file");
                });
    }

    @Test
    void anAwsReferenceWithoutARegionIsRefused() throws IOException {
        assertThat(problems("DB_PASSWORD: {secret: {aws: secretsmanager, name: plumbline/db}}\n"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("needs a region"));
    }

    @Test
    void theSchemaRefusesAPathOutOfTheRepositoryAndAnUnknownSource() throws IOException {
        assertThat(problems("A: {secret: {sops: ../x.yaml, key: a}}\n"))
                .allSatisfy(p -> assertThat(p.toString()).startsWith(FILE + ":13:"));
        assertThat(problems("A: {secret: {aws: vault, name: x, region: eu-west-1}}\n"))
                .allSatisfy(p -> assertThat(p.toString()).startsWith(FILE + ":13:"));
    }
}
