package io.plumbline.engine.loop;

import static io.plumbline.engine.loop.EngineHarness.environment;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.engine.schedule.Trigger;
import io.plumbline.model.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Commits and operators' requests go ahead of the drift checks queued before them, whatever they are for. */
class CommitsBeforeDriftTest {
    /** As many as the harness has workers: their drift checks hold every worker. */
    private static final List<String> HOLDING = List.of("a", "b", "c", "d");
    private static final List<String> UNCHANGED = List.of("a", "b", "c", "d", "e", "f", "g");
    private final EngineHarness engine = new EngineHarness();

    @AfterEach
    void close() {
        engine.close();
    }

    /**
     * Environments a to h, each with a drift check every minute; a minute later the drift checks of a to d hold every
     * worker and those of e to h wait, e's first. Returns the gates: a's to d's, then e's (which holds e's check, if it
     * starts, so that whatever would wait behind it never runs).
     */
    private List<Gate> driftChecksHoldingEveryWorker() {
        for (String name : UNCHANGED) {
            engine.file(name, environment(name, "mode: auto, driftInterval: 1m"));
        }
        engine.file("h", environment("h", "mode: auto, driftInterval: 1m")).push("A");
        engine.awaitOutcomes("h", 1);
        engine.awaitIdle();
        List<Gate> gates = new ArrayList<>(HOLDING.stream().map(name -> engine.provider.hold("observe", name)).toList());
        gates.add(engine.provider.hold("observe", "e"));
        engine.timers.advance(Duration.ofMinutes(1));
        gates.subList(0, HOLDING.size()).forEach(Gate::awaitReached);
        return gates;
    }

    @Test
    void aCommitToAnEnvironmentWaitingForItsDriftCheckRunsBeforeTheDriftChecksQueuedAheadOfIt() {
        List<Gate> gates = driftChecksHoldingEveryWorker();

        String b = engine.file("h", environment("h", "mode: auto, driftInterval: 1m, prune: true"))
                .push("B changes h only");
        gates.get(0).open();

        Outcome touched = engine.awaitOutcomes("h", 2);
        assertThat(touched.revision().commit()).isEqualTo(b);
        assertThat(touched.result()).isEqualTo(Outcome.Result.SUCCESS);
        gates.forEach(Gate::open);
        // Nothing was lost on the way: every environment is reconciled at the new commit.
        engine.awaitIdle();
        for (String name : UNCHANGED) {
            assertThat(engine.outcomesOf(name)).last().extracting(o -> o.revision().commit()).isEqualTo(b);
        }
    }

    @Test
    void anApiReconcileGoesAheadOfQueuedDriftChecks() {
        List<Gate> gates = driftChecksHoldingEveryWorker();

        assertThat(engine.environments.request("h", Trigger.API)).isTrue();
        gates.get(0).open();

        assertThat(engine.awaitOutcomes("h", 2).result()).isEqualTo(Outcome.Result.SUCCESS);
        gates.forEach(Gate::open);
        engine.awaitIdle();
    }
}
