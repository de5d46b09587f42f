package io.plumbline.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.load.EnvironmentLoader;
import io.plumbline.load.LoadResult;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Problem;
import io.plumbline.model.Revision;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folder mode reads only regular files inside the repository, and checks a size before reading a byte. */
class FolderModeTest {
    @TempDir
    Path tmp;

    @Test
    void linksOutOfTheRepositoryAndHugeFilesAreRefusedAndTheRestLoads() throws IOException {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("environments"));
        Files.createDirectories(repo.resolve("manifests"));
        Files.copy(Path.of("example-repo/environments/staging.yaml"), repo.resolve("environments/staging.yaml"));
        Path secrets = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(secrets.resolve("secret.yaml"), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: stolen\n");
        Files.writeString(secrets.resolve("credentials"), "aws_secret_access_key = hunter2\n");
        // staging's manifests folder leads outside the repository.
        Files.createSymbolicLink(repo.resolve("manifests/staging"), secrets);
        Files.createSymbolicLink(repo.resolve("environments/passwd.yaml"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(repo.resolve("environments/credentials.yaml"), secrets.resolve("credentials"));
        try (RandomAccessFile sparse = new RandomAccessFile(repo.resolve("environments/huge.yaml").toFile(), "rw")) {
            sparse.setLength(3L * 1024 * 1024 * 1024);
        }
        Files.copy(Path.of("example-repo/environments/production.yaml"), repo.resolve("environments/production.yaml"));
        Files.createDirectories(repo.resolve("manifests/production"));
        Files.copy(Path.of("example-repo/manifests/production/frontend-pdb.yaml"),
                repo.resolve("manifests/production/frontend-pdb.yaml"));

        LoadResult result = new EnvironmentLoader().loadAll(new DirectoryFiles(repo, Revision.WORKING_TREE));

        assertThat(result.environments()).extracting(LoadedEnvironment::name).containsExactly("production");
        assertThat(result.allProblems()).extracting(Problem::toString).containsExactly(
                "environments/credentials.yaml:1:1: a symbolic link; only regular files inside the repository are read",
                "environments/huge.yaml:1:1: the file is 3,221,225,472 bytes; the limit is 1,048,576 bytes",
                "environments/passwd.yaml:1:1: a symbolic link; only regular files inside the repository are read",
                "manifests/staging/:1:1: a folder that cannot be read (no permission, or a link that leaves the"
                        + " repository)");
        assertThat(result.allProblems().toString()).doesNotContain("root:", "hunter2", "stolen");
    }
}
