package io.plumbline.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.plumbline.testing.MemoryFiles;
import java.io.IOException;
import java.util.Map;

/**
 * Fuzzes the loader with arbitrary bytes as an environment file (seeded with the example environments): it
 * never throws, and every problem it reports has a position. Runs for a bounded time in the normal test run.
 */
class LoaderFuzzTest {
    private static final EnvironmentLoader LOADER = new EnvironmentLoader();

    @FuzzTest(maxDuration = "20s")
    void loaderNeverThrows(byte[] file) throws IOException {
        LoadResult result = LOADER.loadAll(new MemoryFiles(Map.of("environments/fuzz.yaml", file)));

        assertThat(result.allProblems()).allSatisfy(p -> {
            assertThat(p.line()).isPositive();
            assertThat(p.column()).isPositive();
            assertThat(p.message()).doesNotContain("\n");
        });
    }
}
