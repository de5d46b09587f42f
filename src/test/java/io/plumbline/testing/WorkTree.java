package io.plumbline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A working copy driven by the real {@code git}, as a person works against a forge: write, commit, push a branch.
 * Commits carry {@link Signers#EMAIL} as author and committer, so {@link Signers} can sign them.
 */
public final class WorkTree {
    private final Path dir;

    private WorkTree(Path dir) {
        this.dir = dir;
    }

    /** A new working copy on branch {@code main} whose {@code origin} is {@code url} (credentials in it). */
    public static WorkTree init(Path dir, String url) {
        WorkTree tree = new WorkTree(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tree.git("init", "-q", "-b", "main");
        tree.git("remote", "add", "origin", url);
        return tree;
    }

    public Path dir() {
        return dir;
    }

    public WorkTree write(String path, String content) {
        TextFiles.write(dir, path, content);
        return this;
    }

    public String read(String path) {
        return TextFiles.read(dir, path);
    }

    /** Replaces the first occurrence of {@code from} in a file. */
    public WorkTree edit(String path, String from, String to) {
        TextFiles.edit(dir, path, from, to);
        return this;
    }

    /** Commits everything; returns the new commit. */
    public String commit(String message) {
        git("add", "-A");
        git("-c", "user.name=Test Author", "-c", "user.email=" + Signers.EMAIL, "commit", "-q", "-m", message);
        return head();
    }

    public String head() {
        return git("rev-parse", "HEAD").strip();
    }

    /** Switches to {@code branch}, made at the current commit when new. */
    public WorkTree checkout(String branch) {
        git("checkout", "-q", "-B", branch);
        return this;
    }

    /** Switches back to an existing branch, as it was left. */
    public WorkTree switchTo(String branch) {
        git("checkout", "-q", branch);
        return this;
    }

    /** Pushes the current commit to {@code branch} of {@code origin}. */
    public WorkTree push(String branch) {
        return pushTo("origin", branch);
    }

    /** Pushes the current commit to {@code branch} of another remote (a fork), given by URL. */
    public WorkTree pushTo(String remote, String branch) {
        git("push", "-q", "--force", remote, "HEAD:refs/heads/" + branch);
        return this;
    }

    private String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("git " + args[0] + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
