package io.plumbline.engine.loop;

import static io.plumbline.engine.loop.EngineHarness.environment;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every environment is reconciled at every commit, and the ones a commit changes go first. */
class ChangedFirstTest {
    private static final List<String> UNCHANGED = List.of("a", "b", "c", "d");
    private final EngineHarness engine = new EngineHarness();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aCommitTouchingOneEnvironmentIsAppliedWhileTheUnchangedOnesWait() {
        for (String name : UNCHANGED) {
            engine.file(name, environment(name, "mode: auto"));
        }
        engine.file("e", environment("e", "mode: auto")).push("A");
        UNCHANGED.forEach(name -> engine.awaitOutcomes(name, 1));
        engine.awaitOutcomes("e", 1);
        engine.awaitIdle();
        // The unchanged environments, first in file order, would hold all four workers.
        List<Gate> held = UNCHANGED.stream().map(name -> engine.provider.hold("observe", name)).toList();

        String b = engine.file("e", environment("e", "mode: auto, prune: true")).push("B changes e only");

        Outcome touched = engine.awaitOutcomes("e", 2);
        assertThat(touched.revision().commit()).isEqualTo(b);
        assertThat(touched.result()).isEqualTo(Outcome.Result.SUCCESS);
        held.forEach(Gate::open);
        UNCHANGED.forEach(name -> assertThat(engine.awaitOutcomes(name, 2).revision().commit()).isEqualTo(b));
    }
}
