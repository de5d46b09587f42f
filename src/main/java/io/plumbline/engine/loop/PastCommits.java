package io.plumbline.engine.loop;

import io.plumbline.model.RepoFiles;
import java.io.IOException;

/** The files of the environment branch as they were at an earlier commit (what a rollback re-applies). */
@FunctionalInterface
public interface PastCommits {
    /** The files at {@code commit}; an IOException when the commit cannot be read (gone from the repository). */
    RepoFiles at(String commit) throws IOException;
}
