package io.plumbline.source;

import io.plumbline.model.RepoFiles;
import io.plumbline.model.Revision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Opens what a user names on the command line: a folder as it is, or a local repository at a ref. */
public final class Repositories {
    private Repositories() {
    }

    /** The working tree of a folder, as it is now (uncommitted edits included). */
    public static RepoFiles workingTree(Path folder) {
        return new DirectoryFiles(folder, Revision.WORKING_TREE);
    }

    /** A local repository's files at a branch, tag or commit. The repository stays open while the files are used. */
    public static RepoFiles atRef(Path folder, String ref) throws IOException {
        return atRef(folder, ref, FileLimits.DEFAULT);
    }

    /** The same, with other limits on the number and size of files. */
    public static RepoFiles atRef(Path folder, String ref, FileLimits limits) throws IOException {
        Path gitDir = Files.isDirectory(folder.resolve(".git")) ? folder.resolve(".git") : folder;
        Repository repository = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
        ObjectId id = repository.resolve(ref + "^{commit}");
        if (id == null) {
            repository.close();
            throw new NoSuchFileException(folder.toString(), null, "no commit for ref '" + ref + "'");
        }
        return new CommitFiles(repository, id, ref, limits);
    }
}
