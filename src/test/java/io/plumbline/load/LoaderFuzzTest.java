package io.plumbline.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.plumbline.testing.MemoryFiles;
import java.io.IOException;
import java.util.Map;

/**
 * Fuzzes the loader with arbitrary bytes as an environment file (seeded with the example environments): it
 * never throws, and every problem it reports has a position. The build replays the stored inputs
 * ({@code LoaderFuzzTestInputs/loaderNeverThrows}: the seeds and every crash found so far) and nothing else, so
 * it is deterministic; {@code ./scripts/bench Fuzz} runs the timed campaign ({@code maxDuration}), which adds what
 * it finds to those inputs.
 */
class LoaderFuzzTest {
    private static final EnvironmentLoader LOADER = new EnvironmentLoader();

    @FuzzTest(maxDuration = "5m")
    void loaderNeverThrows(byte[] file) throws IOException {
        LoadResult result = LOADER.loadAll(new MemoryFiles(Map.of("environments/fuzz.yaml", file)));

        assertThat(result.allProblems()).allSatisfy(p -> {
            assertThat(p.line()).isPositive();
            assertThat(p.column()).isPositive();
            assertThat(p.message()).doesNotContain("\n");
        });
    }
}
