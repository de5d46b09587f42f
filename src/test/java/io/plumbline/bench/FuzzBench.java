package io.plumbline.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.nio.file.Path;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The fuzzing campaign of the loader: runs {@code LoaderFuzzTest} with Jazzer fuzzing for its {@code maxDuration}
 * (5 minutes), where the build only replays its stored inputs. A crash is written beside those inputs
 * ({@code src/test/resources/io/plumbline/load/LoaderFuzzTestInputs/loaderNeverThrows}), so that every build
 * replays it from then on; the generated corpus is kept in {@code .cifuzz-corpus}. Prints the summary; exits 1 on
 * a finding.
 */
public final class FuzzBench {
    private static final String TEST = "io.plumbline.load.LoaderFuzzTest#loaderNeverThrows(byte[])";

    private FuzzBench() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getenv("JAZZER_FUZZ") == null) {
            // Jazzer reads whether to fuzz from the environment: run again in a JVM that has it
            ProcessBuilder again = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), FuzzBench.class.getName()).inheritIO();
            again.environment().put("JAZZER_FUZZ", "1");
            System.exit(again.start().waitFor());
        }
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request().selectors(selectMethod(TEST)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        System.out.printf("fuzzed %s: %d run, %d failed%n", TEST, summary.getTestsStartedCount(),
                summary.getTotalFailureCount());
        summary.getFailures().forEach(f -> System.out.println("finding: " + f.getException()));
        System.exit(summary.getTotalFailureCount() == 0 && summary.getTestsStartedCount() > 0 ? 0 : 1);
    }
}
