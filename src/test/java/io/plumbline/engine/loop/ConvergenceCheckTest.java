package io.plumbline.engine.loop;

import static io.plumbline.engine.loop.EngineHarness.environment;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.engine.schedule.Trigger;
import io.plumbline.model.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After an apply a fresh plan must be empty: it is made whenever the plan wrote something, and a plan that wrote
 * nothing (an environment a commit leaves as it was) stands for it, so such a reconcile observes the targets once.
 * A write that does not land is still named ({@code OutcomesTest}).
 */
class ConvergenceCheckTest {
    private final EngineHarness engine = new EngineHarness();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aReconcileThatWritesNothingObservesOnceAndOneThatWritesChecksAgain() {
        engine.file("production", environment("production", "mode: auto")).push("A");
        engine.awaitOutcomes("production", 1);
        engine.awaitIdle();
        assertThat(engine.provider.observes).as("plan, then the convergence check").hasSize(2);

        engine.environments.request("production", Trigger.API);
        assertThat(engine.awaitOutcomes("production", 2).result()).isEqualTo(Outcome.Result.SUCCESS);
        engine.awaitIdle();
        assertThat(engine.provider.observes).as("one plan: nothing to write").hasSize(3);

        engine.provider.live.put("production", "changed by hand");
        engine.environments.request("production", Trigger.API);
        assertThat(engine.awaitOutcomes("production", 3).result()).isEqualTo(Outcome.Result.SUCCESS);
        engine.awaitIdle();
        assertThat(engine.provider.observes).as("a plan that writes, then the convergence check").hasSize(5);
    }
}
