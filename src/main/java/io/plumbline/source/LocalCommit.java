package io.plumbline.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * Commits new content of one file in a local checkout, on its current branch or on a new branch (ready to be
 * pushed for a pull request). It refuses to touch a file with uncommitted edits, so no one's work is lost.
 */
public final class LocalCommit {
    private LocalCommit() {
    }

    /** @return the new commit's sha */
    public static String commit(Path folder, String path, String content, String message, Optional<String> branch)
            throws IOException {
        try (Git git = Git.open(folder.toFile())) {
            if (!git.status().addPath(path).call().isClean()) {
                throw new IOException(path + " has uncommitted changes; commit or stash them first");
            }
            if (branch.isPresent()) {
                git.checkout().setCreateBranch(true).setName(branch.get()).call();
            }
            Files.writeString(folder.resolve(path), content, StandardCharsets.UTF_8);
            git.add().addFilepattern(path).call();
            return git.commit().setMessage(message).setOnly(path).call().getName();
        } catch (GitAPIException e) {
            throw new IOException("committing " + path + " failed: " + e.getMessage(), e);
        }
    }
}
