package io.plumbline.engine.loop;

import static io.plumbline.engine.loop.EngineHarness.environment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.model.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An environment's state and timers across the commits that remove it, bring it back or change its intervals. */
class LifecycleTest {
    private final EngineHarness engine = new EngineHarness();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void anEnvironmentRemovedAndAddedBackDuringItsRunIsNotReconciledTwiceAtOnce() {
        engine.file("staging", environment("staging", "mode: auto"));
        Gate apply = engine.provider.hold("apply", "production");
        String a = engine.file("production", environment("production", "mode: auto")).push("A");
        apply.awaitReached();

        engine.file("production", null).push("Remove production");
        Gate observe = engine.provider.hold("observe", "production");
        String back = engine.file("production", environment("production", "mode: auto")).push("Production again");
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.provider.appliesOf("staging").contains(back));

        assertThat(observe.reached()).as("a second run of production beside the one held at its apply").isFalse();
        apply.open();
        observe.awaitReached().open();
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.provider.appliesOf("production").contains(back));
        assertThat(engine.provider.appliesOf("production")).containsExactly(a, back);
        assertThat(engine.awaitOutcomes("production", 2).result()).isEqualTo(Outcome.Result.SUCCESS);
    }

    @Test
    void anEnvironmentThatLeavesIsForgottenByTheProvidersAndTheOthersAreNot() {
        engine.file("production", environment("production", "mode: auto"))
                .file("staging", environment("staging", "mode: auto")).push("A");
        engine.awaitOutcomes("production", 1);
        engine.awaitIdle();

        engine.file("production", null).push("Remove production");
        engine.awaitIdle();

        assertThat(engine.provider.forgotten).containsExactly("production");
    }

    @Test
    void aShorterDriftIntervalHandedOverAsTheOldTimerFiresIsTheOneKept() {
        engine.file("production", environment("production", "mode: auto, driftInterval: 10m")).push("A");
        engine.awaitOutcomes("production", 1);
        engine.awaitIdle();

        engine.file("production", environment("production", "mode: auto, driftInterval: 1m"));
        // The poller hands the commit over just as the old timer, firing, schedules its next tick.
        engine.timers.beforeNextSchedule(() -> engine.push("Check drift every minute"));
        engine.timers.advance(Duration.ofMinutes(10));
        engine.awaitOutcomes("production", 2);
        engine.awaitIdle();
        int observed = engine.provider.observes.size();

        engine.timers.advance(Duration.ofMinutes(1));
        engine.awaitIdle();

        assertThat(engine.provider.observes).as("a drift check a minute later").hasSize(observed + 1);
    }
}
