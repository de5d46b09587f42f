package io.plumbline.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.notes.Note;
import org.eclipse.jgit.notes.NoteMap;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * For a plain repository with no host API: keeps statuses in the notes ref {@value #NOTES_REF}, one line per
 * context ({@code <context> <state> <description>[ <url>]}), the latest state of a context replacing its line.
 * Read them with {@code git notes --ref=plumbline show <sha>}. Works on bare and non-bare repositories.
 */
public final class GitNotesReporter implements StatusReporter {
    public static final String NOTES_REF = "refs/notes/plumbline";
    private static final PersonIdent IDENTITY = new PersonIdent("Plumbline", "plumbline@localhost");
    private final Path repository;

    /** @param repository a repository's work tree, its {@code .git} folder, or a bare repository */
    public GitNotesReporter(Path repository) {
        this.repository = repository;
    }

    @Override
    public synchronized void post(CommitStatus status) throws StatusException {
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo); ObjectInserter inserter = repo.newObjectInserter()) {
            RevCommit commit = commit(repo, walk, status.commit());
            ObjectId oldNotes = repo.resolve(NOTES_REF);
            RevCommit notesCommit = oldNotes == null ? null : walk.parseCommit(oldNotes);
            NoteMap notes = notesCommit == null ? NoteMap.newEmptyMap() : NoteMap.read(walk.getObjectReader(), notesCommit);

            Map<String, String> lines = parse(notes.getNote(commit), repo);
            lines.put(status.context(), line(status));
            notes.set(commit, inserter.insert(Constants.OBJ_BLOB, String.join("\n", lines.values())
                    .concat("\n").getBytes(StandardCharsets.UTF_8)));

            CommitBuilder builder = new CommitBuilder();
            builder.setTreeId(notes.writeTree(inserter));
            builder.setAuthor(IDENTITY);
            builder.setCommitter(IDENTITY);
            builder.setMessage("Plumbline status " + status.context() + " " + status.state().label() + "\n");
            if (notesCommit != null) {
                builder.setParentId(notesCommit);
            }
            ObjectId newNotes = inserter.insert(builder);
            inserter.flush();
            updateRef(repo, oldNotes, newNotes);
        } catch (IOException e) {
            throw StatusException.transientFailure("writing a note in " + repository + " failed: " + e.getMessage(), e);
        }
    }

    private RevCommit commit(Repository repo, RevWalk walk, String sha) throws IOException, StatusException {
        ObjectId id = ObjectId.isId(sha) ? ObjectId.fromString(sha) : repo.resolve(sha);
        try {
            if (id != null) {
                return walk.parseCommit(id);
            }
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            // fall through: not a commit of this repository
        }
        throw StatusException.permanent("commit " + sha + " is not in " + repository);
    }

    private Repository open() throws IOException {
        File dir = repository.toFile();
        File dotGit = new File(dir, Constants.DOT_GIT);
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true)
                .setGitDir(dotGit.isDirectory() ? dotGit : dir);
        return builder.build();
    }

    private static Map<String, String> parse(Note note, Repository repo) throws IOException {
        Map<String, String> lines = new TreeMap<>();
        if (note != null) {
            String text = new String(repo.open(note.getData()).getCachedBytes(), StandardCharsets.UTF_8);
            text.lines().filter(l -> !l.isBlank()).forEach(l -> lines.put(l.split(" ", 2)[0], l));
        }
        return lines;
    }

    private static String line(CommitStatus status) {
        return status.context() + " " + status.state().label() + " " + status.description()
                + (status.targetUrl() == null ? "" : " " + status.targetUrl());
    }

    // Compare-and-set on the notes ref, so a concurrent writer's note is never silently dropped.
    private void updateRef(Repository repo, ObjectId expected, ObjectId next) throws IOException, StatusException {
        RefUpdate update = repo.updateRef(NOTES_REF);
        update.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
        update.setNewObjectId(next);
        update.setRefLogIdent(IDENTITY);
        update.setRefLogMessage("plumbline status", false);
        RefUpdate.Result result = update.update();
        switch (result) {
            case NEW, FAST_FORWARD, FORCED, NO_CHANGE -> {
            }
            case LOCK_FAILURE -> throw StatusException.transientFailure(NOTES_REF + " changed meanwhile in "
                    + repository, null);
            default -> throw StatusException.transientFailure("could not update " + NOTES_REF + " in " + repository
                    + ": " + result, null);
        }
    }

    @Override
    public String host() {
        return "notes";
    }

    @Override
    public String toString() {
        return "git notes " + NOTES_REF + " in " + repository;
    }
}
