package io.plumbline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code sops} and {@code age} CLIs, built by {@code scripts/sops-peer-build} and found through
 * {@code PLUMBLINE_SOPS} (set by {@code scripts/setup}) or the default cache: the tests encrypt their fixtures with
 * them, as users do. KMS keys are moto's: {@code sops} is pointed at it with {@code AWS_ENDPOINT_URL}.
 */
public final class Sops {
    private static final String DEFAULT_HOME = ".cache/plumbline/sops-v3.13.3-age-v1.3.2";

    private Sops() {
    }

    public static boolean available() {
        return Files.isExecutable(bin("sops")) && Files.isExecutable(bin("age-keygen"));
    }

    /** A new age key pair: its identity file (what the service is given) and its public recipient. */
    public record AgeKey(Path identityFile, String recipient) {
        public String identity() {
            try {
                return Files.readAllLines(identityFile).stream().filter(l -> l.startsWith("AGE-SECRET-KEY-1"))
                        .findFirst().orElseThrow();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static AgeKey ageKey(Path folder) {
        Path file = folder.resolve("age-" + System.nanoTime() + ".txt");
        run(Map.of(), bin("age-keygen").toString(), "-o", file.toString());
        try {
            String recipient = Files.readAllLines(file).stream().filter(l -> l.startsWith("# public key: "))
                    .map(l -> l.substring("# public key: ".length())).findFirst().orElseThrow();
            return new AgeKey(file, recipient);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encrypts {@code file} in place to the age recipient. */
    public static void encryptAge(Path file, String recipient) {
        run(Map.of(), bin("sops").toString(), "encrypt", "--age", recipient, "--in-place", file.toString());
    }

    /** Encrypts {@code file} in place to a KMS key of the AWS endpoint (moto). */
    public static void encryptKms(Path file, String keyArn, URI aws) {
        run(Map.of("AWS_ENDPOINT_URL", aws.toString(), "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY",
                        "testing", "AWS_REGION", keyArn.split(":")[3]),
                bin("sops").toString(), "encrypt", "--kms", keyArn, "--in-place", file.toString());
    }

    /** Decrypts with the real sops (to check a fixture); the identities from {@code key}. */
    public static String decrypt(Path file, AgeKey key) {
        return run(Map.of("SOPS_AGE_KEY_FILE", key.identityFile().toString()), bin("sops").toString(), "decrypt",
                file.toString());
    }

    private static String run(Map<String, String> env, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process p = builder.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path bin(String name) {
        String fromEnv = System.getenv("PLUMBLINE_SOPS");
        Path home = fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv)
                : Path.of(System.getProperty("user.home")).resolve(DEFAULT_HOME);
        return home.resolve("bin").resolve(name);
    }
}
