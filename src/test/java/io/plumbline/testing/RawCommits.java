package io.plumbline.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Commits written straight into a bare repository's object database, the way a push brings them: any entry
 * mode (gitlinks and symbolic links included) and thousands of files without a working tree.
 */
public final class RawCommits {
    /** One tree entry: a blob with its content, or a gitlink to a commit id. */
    public record Entry(FileMode mode, byte[] content, ObjectId id) {
        public static Entry file(byte[] content) {
            return new Entry(FileMode.REGULAR_FILE, content, null);
        }
    }

    private RawCommits() {
    }

    /** A new bare repository at {@code dir} whose {@code main} is one commit holding the entries; left open. */
    public static Repository create(Path dir, Map<String, Entry> entries) throws IOException {
        Repository repository = FileRepositoryBuilder.create(dir.toFile());
        repository.create(true);
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (Map.Entry<String, Entry> e : new TreeMap<>(entries).entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(e.getKey());
                entry.setFileMode(e.getValue().mode());
                entry.setObjectId(e.getValue().id() != null ? e.getValue().id()
                        : inserter.insert(Constants.OBJ_BLOB, e.getValue().content()));
                builder.add(entry);
            }
            builder.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            PersonIdent author = new PersonIdent("Test Author", "author@example.com");
            commit.setAuthor(author);
            commit.setCommitter(author);
            commit.setMessage("Raw commit");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repository.updateRef("refs/heads/main");
            update.setNewObjectId(id);
            update.forceUpdate();
            return repository;
        }
    }
}
