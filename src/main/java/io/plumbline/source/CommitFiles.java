package io.plumbline.source;

import io.plumbline.model.RepoFiles;
import io.plumbline.model.Revision;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/** The files of one commit, read straight from the object database (no checkout, no working tree). */
public final class CommitFiles implements RepoFiles {
    /** Far above any sane configuration file; the YAML reader applies the real, smaller limit. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final Repository repository;
    private final RevCommit commit;
    private final Revision revision;

    CommitFiles(Repository repository, ObjectId id, String ref) throws IOException {
        this.repository = repository;
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
        List<String> paths = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            if (!prefix.isEmpty() && !prefix.equals(".")) {
                walk.setFilter(PathFilter.create(prefix));
            }
            while (walk.next()) {
                paths.add(walk.getPathString());
            }
        }
        paths.sort(null);
        return paths;
    }

    @Override
    public byte[] read(String path) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
            if (walk == null || walk.isSubtree()) {
                throw new NoSuchFileException(path, null, "not in commit " + revision.shortCommit());
            }
            ObjectLoader blob = repository.open(walk.getObjectId(0));
            if (blob.getSize() > MAX_FILE_BYTES) {
                throw new IOException(path + " is " + blob.getSize() + " bytes; files over " + MAX_FILE_BYTES
                        + " bytes are not read");
            }
            return blob.getBytes();
        }
    }
}
