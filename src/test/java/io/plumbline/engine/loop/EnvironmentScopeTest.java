package io.plumbline.engine.loop;

import static io.plumbline.engine.loop.EngineHarness.environment;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Outcome;
import org.junit.jupiter.api.Test;

/**
 * A part of the repository (a proxy agent's environments): the others are not kept at all, and a file that stops
 * loading is reported only on an environment already kept.
 */
class EnvironmentScopeTest {
    private static final String SYNC = "mode: auto";

    @Test
    void environmentsOutsideTheScopeAreNeverReconciledNorCounted() {
        try (EngineHarness engine = new EngineHarness(EnvironmentScope.of(env -> env.name().startsWith("edge")))) {
            engine.file("edge", environment("edge", SYNC)).file("core", environment("core", SYNC))
                    .file("stray", "metadata: [not an environment").push("A");
            engine.awaitOutcomes("edge", 1);
            engine.awaitIdle();

            assertThat(engine.environments.names()).containsExactly("edge");
            assertThat(engine.outcomesOf("core")).isEmpty();
            assertThat(engine.outcomesOf("stray")).as("a file that does not load cannot say it is in the part")
                    .isEmpty();
            assertThat(engine.metrics).noneMatch(call -> call.endsWith(":core") || call.endsWith(":stray"));

            engine.file("edge", environment("edge", "mode: sideways")).push("B");
            Outcome invalid = engine.awaitOutcomes("edge", 2);
            assertThat(invalid.result()).as("a kept environment is told its file no longer loads")
                    .isEqualTo(Outcome.Result.INVALID);
            assertThat(engine.outcomesOf("core")).isEmpty();
        }
    }
}
