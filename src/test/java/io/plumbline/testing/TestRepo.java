package io.plumbline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real Git repository in a temporary folder, playing the team's configuration repository. */
public final class TestRepo implements AutoCloseable {
    private static final PersonIdent AUTHOR = new PersonIdent("Test Author", "author@example.com");
    private final Path dir;
    private final Git git;

    private TestRepo(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    /** A repository on branch {@code main} holding a copy of {@code example-repo/}. */
    public static TestRepo withExampleRepo(Path parent) {
        return create(parent.resolve("config-repo"), dir -> copy(Path.of("example-repo"), dir));
    }

    /** A repository on branch {@code main} in exactly this folder, holding a copy of {@code example-repo/}. */
    public static TestRepo withExampleRepoAt(Path dir) {
        return create(dir, target -> copy(Path.of("example-repo"), target));
    }

    /** A repository on branch {@code main} holding the given files (path to content). */
    public static TestRepo withFiles(Path parent, java.util.Map<String, String> files) {
        return create(parent.resolve("config-repo"), dir -> {
            for (var e : files.entrySet()) {
                Path file = dir.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue());
            }
        });
    }

    private interface Filler {
        void fill(Path dir) throws IOException;
    }

    private static TestRepo create(Path folder, Filler filler) {
        try {
            Path dir = Files.createDirectories(folder);
            filler.fill(dir);
            Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
            TestRepo repo = new TestRepo(dir, git);
            repo.commitAll("Initial environments");
            return repo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public String url() {
        return dir.toUri().toString();
    }

    public TestRepo write(String path, String content) {
        TextFiles.write(dir, path, content);
        return this;
    }

    public String read(String path) {
        return TextFiles.read(dir, path);
    }

    /** Replaces the first occurrence of {@code from} in a file. */
    public TestRepo edit(String path, String from, String to) {
        TextFiles.edit(dir, path, from, to);
        return this;
    }

    /** The commit {@code main} points at. */
    public String head() {
        try {
            return git.getRepository().resolve("refs/heads/main").getName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String commitAll(String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().setUpdate(true).addFilepattern(".").call();
            RevCommit c = git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).call();
            return c.getName();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rewrites the last commit, as a force-push of an amended commit would leave the branch. */
    public String amend(String message) {
        try {
            git.add().addFilepattern(".").call();
            return git.commit().setAmend(true).setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).call()
                    .getName();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves the branch back to an earlier commit, discarding what came after (a force-push of history). */
    public void resetHard(String commit) {
        try {
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(commit).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Points a pull-request ref (as GitHub keeps them) at a new commit on a side branch of this repository, which
     * stays: the pull request of someone with push access.
     */
    public String pullRequest(int number, String path, String content, String message) {
        return pullRequest(number, path, content, message, false);
    }

    /** As {@link #pullRequest}, but the side branch is gone afterwards: the commit lives only under the PR ref. */
    public String forkPullRequest(int number, String path, String content, String message) {
        return pullRequest(number, path, content, message, true);
    }

    private String pullRequest(int number, String path, String content, String message, boolean fork) {
        try {
            String base = git.getRepository().resolve("HEAD").getName();
            git.checkout().setCreateBranch(true).setName("pr-" + number).call();
            write(path, content);
            String head = commitAll(message);
            git.checkout().setName("main").call();
            var update = git.getRepository().updateRef("refs/pull/" + number + "/head");
            update.setNewObjectId(org.eclipse.jgit.lib.ObjectId.fromString(head));
            update.forceUpdate();
            if (fork) {
                git.branchDelete().setBranchNames("pr-" + number).setForce(true).call();
            }
            return base.equals(head) ? base : head;
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the repository, as an unreachable or removed remote. */
    public void destroy() {
        git.close();
        deleteTree(dir);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
