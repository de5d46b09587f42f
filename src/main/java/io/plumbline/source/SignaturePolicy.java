package io.plumbline.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which commits may be applied: any ({@link Mode#NONE}), or only those signed by a key in {@code keys}, an SSH
 * allowed-signers file ({@link Mode#SSH}, the format of {@code ssh-keygen -Y verify}) or an OpenPGP public
 * keyring as {@code gpg --export [--armor]} writes it ({@link Mode#GPG}).
 */
public record SignaturePolicy(Mode mode, Path keys) {
    /** How commits must be signed. */
    public enum Mode { NONE, SSH, GPG }

    public static final SignaturePolicy NONE = new SignaturePolicy(Mode.NONE, null);

    public SignaturePolicy {
        if (mode != Mode.NONE && (keys == null || !Files.isReadable(keys))) {
            throw new IllegalArgumentException("commit verification '" + mode.name().toLowerCase(Locale.ROOT)
                    + "' needs a readable key file (plumbline.git.verify-keys), not '" + keys + "'");
        }
    }

    /** From configuration: {@code mode} is empty, {@code none}, {@code ssh} or {@code gpg}. */
    public static SignaturePolicy of(String mode, String keys) {
        String m = mode == null ? "" : mode.strip().toLowerCase(Locale.ROOT);
        return switch (m) {
            case "", "none" -> NONE;
            case "ssh" -> new SignaturePolicy(Mode.SSH, keys == null || keys.isBlank() ? null : Path.of(keys));
            case "gpg" -> new SignaturePolicy(Mode.GPG, keys == null || keys.isBlank() ? null : Path.of(keys));
            default -> throw new IllegalArgumentException("plumbline.git.verify must be ssh, gpg or none, not '"
                    + mode + "'");
        };
    }
}
