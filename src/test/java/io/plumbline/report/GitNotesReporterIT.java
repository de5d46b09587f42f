package io.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.notes.Note;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statuses as git notes in real repositories in a temporary folder, read back with JGit and the git CLI. */
class GitNotesReporterIT {
    @TempDir
    Path tmp;
    Git git;
    String commit;
    final Statuses statuses = new Statuses(null);

    @BeforeEach
    void repository() throws Exception {
        git = Git.init().setDirectory(tmp.resolve("config").toFile()).setInitialBranch("main").call();
        Files.writeString(tmp.resolve("config/staging.yaml"), "apiVersion: plumbline/v1\n");
        git.add().addFilepattern(".").call();
        PersonIdent author = new PersonIdent("Test Author", "author@example.com");
        commit = git.commit().setMessage("Staging").setAuthor(author).setCommitter(author).call().getName();
    }

    @AfterEach
    void close() {
        git.close();
    }

    @Test
    void oneLinePerContextAndTheLatestStateWins() throws Exception {
        GitNotesReporter notes = new GitNotesReporter(tmp.resolve("config"));

        notes.post(status("plumbline/staging", CommitStatus.State.PENDING, "applying staging"));
        notes.post(status("plumbline/staging/drift", CommitStatus.State.FAILURE, "2 objects drifted"));
        notes.post(status("plumbline/staging", CommitStatus.State.SUCCESS, "applied 3 changes, 41 unchanged"));

        String expected = """
                plumbline/staging success applied 3 changes, 41 unchanged
                plumbline/staging/drift failure 2 objects drifted
                """;
        assertThat(noteWithJGit(git, commit)).isEqualTo(expected);
        assertThat(noteWithGitCli(tmp.resolve("config"), commit)).isEqualTo(expected);
    }

    @Test
    void aBareCloneTakesNotesToo() throws Exception {
        Path bare = tmp.resolve("cache.git");
        try (Git clone = Git.cloneRepository().setURI(tmp.resolve("config").toUri().toString()).setBare(true)
                .setGitDir(bare.toFile()).call()) {
            new GitNotesReporter(bare).post(new Statuses("https://plumbline.example.com/environments/{environment}")
                    .finished(Outcomes.invalid(), StatusContext.APPLY).withCommit(commit));

            assertThat(noteWithJGit(clone, commit)).isEqualTo("plumbline/staging failure environments/staging.yaml:12:5: "
                    + "/spec/kubernetes/applications/0/replicas: must be an integer, got \"four\" "
                    + "https://plumbline.example.com/environments/staging\n");
            assertThat(noteWithGitCli(bare, commit)).startsWith("plumbline/staging failure environments/staging.yaml");
        }
    }

    @Test
    void anUnknownCommitIsRefusedForGoodAndWritesNothing() throws Exception {
        StatusException e = catchThrowableOfType(StatusException.class, () -> new GitNotesReporter(tmp.resolve("config"))
                .post(status("plumbline/staging", CommitStatus.State.SUCCESS, "ok").withCommit("0".repeat(40))));

        assertThat(e.kind()).isEqualTo(StatusException.Kind.PERMANENT);
        assertThat(e.getMessage()).contains("not in");
        assertThat(git.getRepository().resolve(GitNotesReporter.NOTES_REF)).isNull();
    }

    private CommitStatus status(String context, CommitStatus.State state, String description) {
        return new CommitStatus(commit, context, state, description, null);
    }

    private static String noteWithJGit(Git git, String commit) throws Exception {
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
            Note note = git.notesShow().setNotesRef(GitNotesReporter.NOTES_REF).setObjectId(c).call();
            return new String(git.getRepository().open(note.getData()).getBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String noteWithGitCli(Path repository, String commit) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("git", "-C", repository.toString(), "notes", "--ref=plumbline", "show", commit)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
