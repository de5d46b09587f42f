package io.plumbline.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Revision;
import io.plumbline.testing.MemoryFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A commit that changes one environment parses and validates that one: every other file that reads as it did at
 * its last load (the file itself and every file or folder its load read) is taken as it was, at the new revision.
 */
class LoadOnceTest {
    private final EnvironmentLoader loader = new EnvironmentLoader();
    private final Map<String, byte[]> files = exampleRepo();

    private static Map<String, byte[]> exampleRepo() {
        Path root = Path.of("example-repo");
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    private List<LoadedEnvironment> loadAt(String commit) throws IOException {
        LoadResult result = loader.loadAll(new MemoryFiles(files, new Revision(commit, "main", "")));
        assertThat(result.allProblems()).isEmpty();
        return result.environments();
    }

    private static LoadedEnvironment named(List<LoadedEnvironment> envs, String name) {
        return envs.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private void write(String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUnchangedEnvironmentIsParsedOnceAndCarriesEachNewRevision() throws IOException {
        List<LoadedEnvironment> first = loadAt("a1");
        List<LoadedEnvironment> second = loadAt("b2");

        assertThat(loader.parses()).isEqualTo(3);
        assertThat(second).allSatisfy(e -> assertThat(e.revision().commit()).isEqualTo("b2"));
        assertThat(named(second, "hopper").environment()).isEqualTo(named(first, "hopper").environment());
        assertThat(named(second, "hopper").files()).isEqualTo(named(first, "hopper").files());
    }

    @Test
    void aChangedManifestANewOneOrChangedUserDataLoadsItsEnvironmentAgain() throws IOException {
        loadAt("a1");
        write("manifests/production/extra.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: extra, namespace: example}
                data: {a: "1"}
                """);
        List<LoadedEnvironment> added = loadAt("b2");
        assertThat(loader.parses()).isEqualTo(4);
        assertThat(named(added, "production").manifests()).hasSize(2);

        write("userdata/node.sh", "#!/bin/sh\necho changed\n");
        List<LoadedEnvironment> changed = loadAt("c3");
        assertThat(loader.parses()).as("hopper alone reads the user data").isEqualTo(5);
        assertThat(named(changed, "hopper").files().get("userdata/node.sh")).contains("echo changed");
    }

    @Test
    void aFileThatNoLongerLoadsIsReportedAgain() throws IOException {
        loadAt("a1");
        write("environments/staging.yaml", "apiVersion: plumbline/v1\nkind: Environment\nmetadata: {name: 7}\n");

        LoadResult result = loader.loadAll(new MemoryFiles(files, new Revision("b2", "main", "")));

        assertThat(result.problems()).containsKey("environments/staging.yaml");
        assertThat(result.environments()).extracting(LoadedEnvironment::name)
                .containsExactlyInAnyOrder("production", "hopper");
    }
}
