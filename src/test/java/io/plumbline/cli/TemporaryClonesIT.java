package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command run on a remote URL leaves no clone behind once its JVM has exited. */
class TemporaryClonesIT {
    @TempDir
    Path tmp;

    @Test
    void theCloneOfARemoteRepositoryIsDeletedWhenTheCommandExits() throws Exception {
        Path temp = Files.createDirectories(tmp.resolve("java-tmp"));
        try (TestRepo repo = TestRepo.withExampleRepo(tmp)) {
            Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Djava.io.tmpdir=" + temp, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "validate", "--repo", repo.url(), "--ref", "main"))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());

            assertThat(process.waitFor()).as(output).isEqualTo(Main.OK);
        }
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("plumbline-cli"));
        }
    }
}
