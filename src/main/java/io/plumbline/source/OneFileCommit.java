package io.plumbline.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** A commit that changes one file of its parent, made in the object store alone (a bare repository needs no checkout). */
final class OneFileCommit {
    static final PersonIdent PLUMBLINE = new PersonIdent("Plumbline", "plumbline@localhost");

    private OneFileCommit() {
    }

    static ObjectId create(Repository repository, String parent, String path, String content, String message)
            throws IOException {
        try (ObjectInserter inserter = repository.newObjectInserter(); RevWalk walk = new RevWalk(repository)) {
            RevCommit base = walk.parseCommit(ObjectId.fromString(parent));
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            builder.addTree(new byte[0], DirCacheEntry.STAGE_0, walk.getObjectReader(), base.getTree());
            builder.finish();
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8));
            DirCacheEditor editor = index.editor();
            editor.add(new DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(DirCacheEntry entry) {
                    if (entry.getRawMode() == 0) {
                        entry.setFileMode(FileMode.REGULAR_FILE);
                    }
                    entry.setObjectId(blob);
                }
            });
            editor.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            commit.setParentId(base);
            commit.setAuthor(PLUMBLINE);
            commit.setCommitter(PLUMBLINE);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        }
    }
}
