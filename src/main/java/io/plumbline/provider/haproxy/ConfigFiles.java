package io.plumbline.provider.haproxy;

import io.plumbline.provider.ProviderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The configuration file and its neighbours: {@code <config>.next} (written and checked before it replaces the
 * file) and {@code <config>.last-good} (the file that served before the latest swap).
 */
final class ConfigFiles {
    private final Path config;
    private final ConfigCheck check;

    ConfigFiles(Path config, ConfigCheck check) {
        this.config = config;
        this.check = check;
    }

    Path config() {
        return config;
    }

    /** The current file's text, or null when there is none. */
    String read() {
        try {
            return Files.exists(config) ? Files.readString(config, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw ProviderException.retryable("cannot read " + config + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the text beside the current file and has HAProxy check it; on rejection the new file is removed
     * and the current one is untouched.
     */
    Path writeChecked(String text) {
        Path next = sibling(".next");
        writeAtomically(next, text);
        try {
            check.check(next);
        } catch (ProviderException rejected) {
            delete(next);
            throw rejected;
        }
        return next;
    }

    /** Keeps the current file as last-good and moves the checked one into its place in one step. */
    void swapIn(Path next) {
        try {
            if (Files.exists(config)) {
                Files.copy(config, sibling(".last-good"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(next, config, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw ProviderException.retryable("cannot replace " + config + ": " + e.getMessage(), e);
        }
    }

    /** Puts the last-good file back after a failed reload. */
    void restoreLastGood() {
        Path lastGood = sibling(".last-good");
        try {
            if (Files.exists(lastGood)) {
                Files.move(lastGood, config, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw ProviderException.retryable("cannot restore " + config + " from " + lastGood + ": "
                    + e.getMessage(), e);
        }
    }

    /** Writes a temporary file in the same folder and renames it, so readers never see half a file. */
    static void writeAtomically(Path target, String text) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path temp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw ProviderException.retryable("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private Path sibling(String suffix) {
        return config.resolveSibling(config.getFileName() + suffix);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw ProviderException.retryable("cannot remove " + file + ": " + e.getMessage(), e);
        }
    }
}
