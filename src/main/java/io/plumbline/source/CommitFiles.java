package io.plumbline.source;

import io.plumbline.model.RepoFiles;
import io.plumbline.model.Revision;
import io.plumbline.model.UnreadableFileException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of one commit, read straight from the object database (no checkout, no working tree). The commit's
 * tree is walked once, on first use, into an index of every entry; listing and reading use that index, so
 * loading thousands of manifests costs one walk, not one per file.
 */
public final class CommitFiles implements RepoFiles {
    private final Repository repository;
    private final RevCommit commit;
    private final Revision revision;
    private final FileLimits limits;
    private Map<String, Entry> index;

    /** One entry of the tree: its object and mode (regular file, executable, gitlink, symbolic link). */
    private record Entry(ObjectId id, FileMode mode) {
        boolean regular() {
            return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
        }
    }

    CommitFiles(Repository repository, ObjectId id, String ref, FileLimits limits) throws IOException {
        this.repository = repository;
        this.limits = limits;
        try (RevWalk walk = new RevWalk(repository)) {
            this.commit = walk.parseCommit(id);
        }
        this.revision = new Revision(id.name(), ref, commit.getFullMessage());
    }

    @Override
    public Revision revision() {
        return revision;
    }

    @Override
    public List<String> list(String folder) throws IOException {
        String prefix = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
        boolean all = prefix.isEmpty() || prefix.equals(".");
        List<String> paths = new ArrayList<>();
        for (String path : index().keySet()) {
            if (all || path.startsWith(prefix + "/")) {
                paths.add(path);
            }
        }
        return paths;
    }

    @Override
    public byte[] read(String path) throws IOException {
        Entry entry = index().get(path);
        if (entry == null) {
            throw new NoSuchFileException(path, null, "not in commit " + revision.shortCommit());
        }
        if (entry.mode() == FileMode.GITLINK) {
            throw new UnreadableFileException(path, "a gitlink (submodule) to commit " + entry.id().name()
                    + ", not a file");
        }
        if (!entry.regular()) {
            throw new UnreadableFileException(path, "a symbolic link; only regular files are read");
        }
        ObjectLoader blob = repository.open(entry.id(), Constants.OBJ_BLOB);
        if (blob.getSize() > limits.maxFileBytes()) {
            throw new UnreadableFileException(path, limits.tooLarge(blob.getSize()));
        }
        return blob.getCachedBytes(Math.toIntExact(limits.maxFileBytes()));
    }

    /** Every entry of the commit's tree, sorted by path; walked once. */
    private synchronized Map<String, Entry> index() throws IOException {
        if (index == null) {
            Map<String, Entry> entries = new TreeMap<>();
            try (TreeWalk walk = new TreeWalk(repository)) {
                walk.addTree(commit.getTree());
                walk.setRecursive(true);
                while (walk.next()) {
                    if (entries.size() == limits.maxFiles()) {
                        throw new UnreadableFileException("", "commit " + revision.shortCommit() + " holds "
                                + limits.tooMany());
                    }
                    entries.put(walk.getPathString(), new Entry(walk.getObjectId(0), walk.getFileMode(0)));
                }
            }
            index = entries;
        }
        return index;
    }
}
