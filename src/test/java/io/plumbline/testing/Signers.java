package io.plumbline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real signing keys made with Debian's {@code ssh-keygen} and {@code gpg}, and commits signed with
 * {@code git commit -S} in a repository, so signature checks meet what users' tools really write.
 */
public final class Signers {
    /** The committer every signed commit carries; allowed-signers entries name this address. */
    public static final String EMAIL = "author@example.com";

    private final Path home;

    public Signers(Path home) {
        this.home = home;
    }

    /** A new ed25519 SSH key; returns its private key file (the public key is next to it, {@code .pub}). */
    public Path sshKey(String name) {
        Path key = home.resolve(name);
        run(home, Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString());
        return key;
    }

    /** An allowed-signers file letting {@code keys} sign for {@link #EMAIL}. */
    public Path allowedSigners(Path... keys) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Path key : keys) {
            lines.append(EMAIL).append(' ').append(Files.readString(Path.of(key + ".pub")).strip()).append('\n');
        }
        return Files.writeString(home.resolve("allowed_signers"), lines.toString());
    }

    /** A new OpenPGP home with one signing key; returns the home (GNUPGHOME). */
    public Path gpgHome(String name) throws IOException {
        Path gnupg = Files.createDirectories(home.resolve(name));
        Files.setPosixFilePermissions(gnupg, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        run(home, Map.of("GNUPGHOME", gnupg.toString()), "gpg", "--batch", "--passphrase", "", "--quick-gen-key",
                name + " <" + EMAIL + ">", "ed25519", "sign", "never");
        return gnupg;
    }

    /** The public keyring of a gpg home, exported ASCII-armoured as a user would hand it over. */
    public Path exportedKeyring(Path gnupg) throws IOException {
        String armoured = run(home, Map.of("GNUPGHOME", gnupg.toString()), "gpg", "--batch", "--armor", "--export");
        return Files.writeString(home.resolve(gnupg.getFileName() + ".asc"), armoured);
    }

    /** Stops the gpg agent a home started. */
    public void stopAgent(Path gnupg) {
        run(home, Map.of("GNUPGHOME", gnupg.toString()), "gpgconf", "--kill", "gpg-agent");
    }

    /** Commits everything in {@code repo} signed with an SSH key; returns the commit. */
    public String commitSsh(Path repo, Path key, String message) {
        return commit(repo, Map.of(), List.of("-c", "gpg.format=ssh", "-c", "user.signingkey=" + key), message);
    }

    /** Commits everything in {@code repo} signed with the key of a gpg home; returns the commit. */
    public String commitGpg(Path repo, Path gnupg, String message) {
        return commit(repo, Map.of("GNUPGHOME", gnupg.toString()), List.of("-c", "gpg.format=openpgp",
                "-c", "user.signingkey=" + EMAIL), message);
    }

    private String commit(Path repo, Map<String, String> env, List<String> config, String message) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test Author", "-c",
                "user.email=" + EMAIL));
        command.addAll(config);
        command.addAll(List.of("commit", "-q", "-S", "--allow-empty", "-am", message));
        run(repo, env, "git", "add", "-A");
        run(repo, env, command.toArray(String[]::new));
        return run(repo, env, "git", "rev-parse", "HEAD").strip();
    }

    private static String run(Path dir, Map<String, String> env, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
