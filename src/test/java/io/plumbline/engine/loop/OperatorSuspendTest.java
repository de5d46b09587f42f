package io.plumbline.engine.loop;

import static io.plumbline.engine.loop.EngineHarness.environment;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.engine.history.Suspensions;
import io.plumbline.engine.schedule.Trigger;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.Outcome;
import io.plumbline.provider.ProviderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's suspend is an emergency stop: no path (new commit, API, retry, drift self-heal) touches the
 * environment until it is resumed, the stop outlives a restart, and a resume reconciles the newest commit.
 */
class OperatorSuspendTest {
    private static final String SYNC = "mode: auto, selfHeal: true, driftInterval: 1m";

    @TempDir
    Path state;

    @Test
    void aSuspendedEnvironmentIsLeftAloneByEveryPathUntilResumed() {
        try (EngineHarness engine = new EngineHarness(suspensions())) {
            String a = engine.file("production", environment("production", SYNC)).push("A");
            engine.awaitOutcomes("production", 1);
            engine.awaitIdle();
            assertThat(engine.environments.suspend("production")).isTrue();

            String b = engine.push("B");
            engine.awaitIdle();
            engine.environments.request("production", Trigger.API);
            engine.awaitIdle();
            engine.provider.live.put("production", "changed by hand");
            engine.timers.advance(Duration.ofMinutes(10));
            engine.awaitIdle();

            assertThat(engine.outcomesOf("production")).hasSize(1);
            assertThat(engine.provider.appliesOf("production")).containsExactly(a);
            assertThat(engine.provider.live).containsEntry("production", "changed by hand");

            assertThat(engine.environments.resume("production")).isTrue();
            Outcome resumed = engine.awaitOutcomes("production", 2);

            assertThat(resumed.trigger()).isEqualTo("resume");
            assertThat(resumed.revision().commit()).isEqualTo(b);
            assertThat(resumed.result()).isEqualTo(Outcome.Result.SUCCESS);
            assertThat(engine.provider.appliesOf("production")).containsExactly(a, b);
        }
    }

    @Test
    void aRetryDueWhenTheOperatorSuspendsDoesNotRun() {
        try (EngineHarness engine = new EngineHarness(suspensions())) {
            engine.provider.applyFailures.add(ProviderException.retryable("503 Service Unavailable", null));
            String a = engine.file("production", environment("production", "mode: auto")).push("A");
            engine.awaitOutcomes("production", 1);
            engine.awaitIdle();
            assertThat(engine.metric("retryScheduled:production")).isEqualTo(1);

            engine.environments.suspend("production");
            engine.timers.advance(EngineHarness.RETRY_CAP.multipliedBy(3));
            engine.awaitIdle();

            assertThat(engine.outcomesOf("production")).hasSize(1);
            assertThat(engine.provider.appliesOf("production")).as("the failed attempt only").containsExactly(a);
        }
    }

    @Test
    void theStopOutlivesARestartAndOnlyAResumeLiftsIt() {
        String a;
        try (EngineHarness before = new EngineHarness(suspensions())) {
            a = before.file("production", environment("production", SYNC)).push("A");
            before.awaitOutcomes("production", 1);
            before.environments.suspend("production");
        }

        try (EngineHarness after = new EngineHarness(suspensions())) {
            after.file("production", environment("production", SYNC)).push("A again");
            after.awaitIdle();
            assertThat(after.outcomesOf("production")).isEmpty();
            assertThat(after.environments.suspendedByOperator("production")).isTrue();

            after.environments.resume("production");
            assertThat(after.awaitOutcomes("production", 1).trigger()).isEqualTo("resume");
        }
        assertThat(suspensions().suspended("production")).as("the resume is kept too").isFalse();
        assertThat(a).isNotEmpty();
    }

    @Test
    void onlyAKnownEnvironmentCanBeSuspended() {
        try (EngineHarness engine = new EngineHarness(suspensions())) {
            assertThat(engine.environments.suspend("nowhere")).isFalse();
            assertThat(engine.environments.resume("nowhere")).isFalse();
            assertThat(suspensions().suspended("nowhere")).isFalse();
        }
    }

    @Test
    void anUnreadableFileStartsWithNoSuspension() throws Exception {
        Files.writeString(state.resolve("suspended.json"), "{not json");

        assertThat(suspensions().suspended("production")).isFalse();
    }

    /** A fresh read of the state file, as a restarted service makes it. */
    private Suspensions suspensions() {
        return new Suspensions(state.resolve("suspended.json"), new Metrics() {
        });
    }
}
