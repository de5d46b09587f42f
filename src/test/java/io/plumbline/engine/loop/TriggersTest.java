package io.plumbline.engine.loop;

import static io.plumbline.engine.loop.EngineHarness.environment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.engine.schedule.Trigger;
import io.plumbline.model.Outcome;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Triggers only name an environment: they coalesce, stop with it, and stop with the service. */
class TriggersTest {
    private final EngineHarness engine = new EngineHarness();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aStormOfRequestsDuringAReconcileCoalescesIntoOneFollowUp() {
        engine.file("production", environment("production", "mode: auto")).push("A");
        engine.awaitOutcomes("production", 1);
        Gate running = engine.provider.hold("observe", "production");
        engine.environments.request("production", Trigger.API);
        running.awaitReached();

        for (int i = 0; i < 300; i++) {
            assertThat(engine.environments.request("production", Trigger.API)).isTrue();
        }
        running.open();
        engine.awaitIdle();

        assertThat(engine.outcomesOf("production")).extracting(Outcome::trigger)
                .containsExactly("webhook", "api", "api");
    }

    @Test
    void aDriftTimerNeverQueuesASecondCheckOfTheSameEnvironment() {
        engine.file("production", environment("production", "driftInterval: 1m")).push("A");
        engine.awaitOutcomes("production", 1);
        engine.awaitIdle();
        Gate slowCheck = engine.provider.hold("observe", "production");
        engine.timers.advance(Duration.ofMinutes(1));
        slowCheck.awaitReached();

        engine.timers.advance(Duration.ofMinutes(30));
        slowCheck.open();
        engine.awaitIdle();

        assertThat(engine.provider.observes).as("plan and convergence check, the slow check, one follow-up")
                .hasSize(4);
        assertThat(engine.timers.pending()).isEqualTo(1);
    }

    @Test
    void anEnvironmentThatLeavesTheRepositoryIsStoppedAndForgotten() {
        engine.file("production", environment("production", "selfHeal: true, driftInterval: 1m"))
                .file("staging", environment("staging", "selfHeal: true, driftInterval: 1m")).push("A");
        engine.awaitOutcomes("production", 1);
        engine.awaitOutcomes("staging", 1);
        engine.awaitIdle();

        engine.file("staging", null).push("Remove staging");
        engine.awaitOutcomes("production", 2);
        engine.awaitIdle();
        engine.provider.live.put("staging", "changed by hand");
        int observed = engine.provider.observes.size();
        engine.timers.advance(Duration.ofMinutes(10));
        engine.awaitIdle();

        assertThat(engine.provider.observes.subList(observed, engine.provider.observes.size()))
                .containsOnly("production");
        assertThat(engine.provider.appliesOf("staging")).hasSize(1);
        assertThat(engine.environments.request("staging", Trigger.API)).isFalse();
        assertThat(engine.environments.names()).containsExactly("production");
        assertThat(engine.metric("environmentGone:staging")).isEqualTo(1);
        assertThat(engine.timers.pending()).as("production's drift timer only").isEqualTo(1);
    }

    @Test
    void shutdownLetsAnApplyUnderWayFinishAndRecordsItsOutcome() {
        Gate applying = engine.provider.hold("apply", "production");
        String a = engine.file("production", environment("production", "mode: auto")).push("A");
        applying.awaitReached();

        CompletableFuture<Boolean> shutdown = CompletableFuture.supplyAsync(
                () -> engine.environments.close(Duration.ofMinutes(5)));
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.timers.pending() == 0);
        assertThat(shutdown).isNotDone();
        assertThat(engine.environments.request("production", Trigger.API)).as("still known, but ignored").isTrue();
        applying.open();

        assertThat(shutdown.join()).isTrue();
        assertThat(engine.outcomesOf("production")).singleElement()
                .satisfies(o -> assertThat(o.result()).isEqualTo(Outcome.Result.SUCCESS));
        assertThat(engine.provider.appliesOf("production")).containsExactly(a);
    }
}
