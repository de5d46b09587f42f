package io.plumbline.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.load.EnvironmentLoader;
import io.plumbline.load.LoadResult;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Problem;
import io.plumbline.model.RepoFiles;
import io.plumbline.testing.RawCommits;
import io.plumbline.testing.RawCommits.Entry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit with entries that cannot be read as files: each is invalid input for its own path, and the healthy
 * environment beside them still loads.
 */
class PoisonCommitTest {
    @TempDir
    Path tmp;

    @Test
    void aGitlinkAnOversizedBlobAndALinkSpoilOnlyThemselves() throws IOException {
        Map<String, Entry> entries = new TreeMap<>();
        entries.put("environments/staging.yaml", blob(Files.readAllBytes(Path.of("example-repo/environments/staging.yaml"))));
        entries.put("manifests/staging/frontend-pdb.yaml",
                blob(Files.readAllBytes(Path.of("example-repo/manifests/staging/frontend-pdb.yaml"))));
        entries.put("environments/x.yaml", new Entry(FileMode.GITLINK, null,
                ObjectId.fromString("0123456789abcdef0123456789abcdef01234567")));
        entries.put("environments/big.yaml", blob(new byte[(int) FileLimits.DEFAULT.maxFileBytes() + 1]));
        entries.put("environments/passwd.yaml", new Entry(FileMode.SYMLINK, "/etc/passwd".getBytes(StandardCharsets.UTF_8), null));

        try (ClosingFiles files = commit(entries)) {
            LoadResult result = new EnvironmentLoader().loadAll(files);

            assertThat(result.environments()).extracting(LoadedEnvironment::name).containsExactly("staging");
            assertThat(result.allProblems()).extracting(Problem::toString).containsExactly(
                    "environments/big.yaml:1:1: the file is 1,048,577 bytes; the limit is 1,048,576 bytes",
                    "environments/passwd.yaml:1:1: a symbolic link; only regular files are read",
                    "environments/x.yaml:1:1: a gitlink (submodule) to commit 0123456789abcdef0123456789abcdef01234567,"
                            + " not a file");
        }
    }

    @Test
    void aCommitWithMoreFilesThanTheCapIsInvalidInputNotACrash() throws IOException {
        Map<String, Entry> entries = new TreeMap<>();
        for (int i = 0; i < 5; i++) {
            entries.put("environments/e" + i + ".yaml", blob(("x: " + i).getBytes(StandardCharsets.UTF_8)));
        }

        try (ClosingFiles files = commit(entries, new FileLimits(4, 1024))) {
            LoadResult result = new EnvironmentLoader().loadAll(files);

            assertThat(result.environments()).isEmpty();
            assertThat(result.allProblems()).singleElement().asString().startsWith("environments:1:1: commit ")
                    .contains("more than 4 files");
        }
    }

    private static Entry blob(byte[] content) {
        return Entry.file(content);
    }

    private ClosingFiles commit(Map<String, Entry> entries) throws IOException {
        return commit(entries, FileLimits.DEFAULT);
    }

    private ClosingFiles commit(Map<String, Entry> entries, FileLimits limits) throws IOException {
        Repository repository = RawCommits.create(tmp.resolve("repo.git"), entries);
        ObjectId head = repository.resolve("refs/heads/main");
        return new ClosingFiles(new CommitFiles(repository, head, "refs/heads/main", limits), repository);
    }

    /** The commit's files, closing the repository after the test. */
    private record ClosingFiles(CommitFiles files, Repository repository) implements RepoFiles, AutoCloseable {
        @Override
        public io.plumbline.model.Revision revision() {
            return files.revision();
        }

        @Override
        public java.util.List<String> list(String folder) throws IOException {
            return files.list(folder);
        }

        @Override
        public byte[] read(String path) throws IOException {
            return files.read(path);
        }

        @Override
        public void close() {
            repository.close();
        }
    }
}
