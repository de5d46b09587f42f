package io.plumbline.provider.haproxy;

import io.plumbline.provider.ProviderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The configuration file and its neighbours: {@code <config>.next} (written and checked before it replaces the
 * file) and {@code <config>.last-good} (the file that served before the latest swap). All of them live in the
 * writable folders and are never reached through a symbolic link.
 */
final class ConfigFiles {
    private final Path config;
    private final ConfigCheck check;
    private final WritableFolders folders;

    ConfigFiles(Path config, ConfigCheck check, WritableFolders folders) {
        this.config = config;
        this.check = check;
        this.folders = folders;
    }

    Path config() {
        return config;
    }

    /** The current file's text, or null when there is none. */
    String read() {
        return folders.read(config);
    }

    /**
     * Writes the text beside the current file and has HAProxy check it; on rejection the new file is removed
     * and the current one is untouched.
     */
    Path writeChecked(String text) {
        Path next = sibling(".next");
        folders.write(next, text);
        try {
            check.check(next);
        } catch (ProviderException rejected) {
            folders.delete(next);
            throw rejected;
        }
        return next;
    }

    /** The file that served before the latest swap, or null when there is none. */
    String lastGood() {
        return folders.read(sibling(".last-good"));
    }

    /**
     * Keeps {@code running} as last-good and moves the checked file into place in one step.
     *
     * @param running the text the workers run (the current file, unless an earlier swap is unconfirmed), or null
     */
    void swapIn(Path next, String running) {
        folders.requireWritable(config);
        if (running != null) {
            folders.write(sibling(".last-good"), running);
        }
        move(next, config);
    }

    /** Puts the last-good file back after a failed reload. */
    void restoreLastGood() {
        Path lastGood = sibling(".last-good");
        if (Files.exists(lastGood)) {
            folders.requireWritable(lastGood);
            move(lastGood, config);
        }
    }

    private void move(Path from, Path to) {
        folders.requireWritable(to);
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw ProviderException.retryable("cannot replace " + to + " with " + from + ": " + e.getMessage(), e);
        }
    }

    private Path sibling(String suffix) {
        return config.resolveSibling(config.getFileName() + suffix);
    }
}
