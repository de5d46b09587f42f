package io.plumbline.engine.loop;

import static io.plumbline.engine.loop.EngineHarness.environment;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.engine.history.Hold;
import io.plumbline.engine.history.Holds;
import io.plumbline.engine.history.Suspensions;
import io.plumbline.engine.schedule.Trigger;
import io.plumbline.model.Outcome;
import io.plumbline.metrics.Metrics;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spec.sync.rollback: auto}: a commit that fails health is rolled back to the last good one and held. */
class RollbackTest {
    private static final String AUTO = "rollback: auto, selfHeal: true, driftInterval: 1m";

    private final EngineHarness engine = new EngineHarness();

    @AfterEach
    void close() {
        engine.close();
    }

    /** Pushes a commit whose rollout never becomes ready. */
    private String pushUnhealthy(String message) {
        engine.provider.unhealthy.add(engine.nextCommit());
        return engine.push(message);
    }

    /** Waits for the {@code n}th outcome, a success, after which the provider saw exactly these applies. */
    private void awaitSuccess(int n, String... applies) {
        assertThat(engine.awaitOutcomes("production", n).result()).isEqualTo(Outcome.Result.SUCCESS);
        assertThat(engine.provider.appliesOf("production")).containsExactly(applies);
        assertThat(engine.provider.live).containsEntry("production", applies[applies.length - 1]);
    }

    @Test
    void aHealthFailureReappliesTheLastGoodCommitAndHoldsTheFailedOne() {
        String a = engine.file("production", environment("production", AUTO)).push("A");
        assertThat(engine.awaitOutcomes("production", 1).result()).isEqualTo(Outcome.Result.SUCCESS);

        String c = pushUnhealthy("C");
        Outcome failed = engine.awaitOutcomes("production", 2);
        assertThat(failed.revision().commit()).isEqualTo(c);
        assertThat(failed.result()).isEqualTo(Outcome.Result.FAILURE);
        assertThat(failed.summary()).isEqualTo("rolled back to " + a.substring(0, 7)
                + ": memory is degraded: production never became ready");
        assertThat(engine.provider.appliesOf("production")).containsExactly(a, c, a);
        assertThat(engine.provider.live).containsEntry("production", a);
        assertThat(engine.metric("rolledBack:production")).isEqualTo(1);

        // Held: neither self-heal (the live object differs from C), a retry, nor a poll of C applies it again.
        engine.resetTo(c);
        engine.timers.advance(Duration.ofMinutes(10));
        engine.awaitIdle();
        assertThat(engine.provider.appliesOf("production")).containsExactly(a, c, a);
        assertThat(engine.outcomesOf("production")).hasSize(2);

        // A new commit releases the hold and is applied.
        String d = engine.push("D");
        awaitSuccess(3, a, c, a, d);
    }

    @Test
    void aRestartKeepsTheHoldAndANewCommitReleasesIt(@TempDir Path state) {
        String a;
        String c;
        try (EngineHarness first = new EngineHarness(suspensions(state), holds(state))) {
            a = first.file("production", environment("production", AUTO)).push("A");
            first.awaitOutcomes("production", 1);
            first.provider.unhealthy.add(first.nextCommit());
            c = first.push("C");
            first.awaitOutcomes("production", 2);
        }
        assertThat(holds(state).of("production")).hasValueSatisfying(h -> {
            assertThat(h.commit()).isEqualTo(c);
            assertThat(h.reason()).startsWith("rolled back to " + a.substring(0, 7) + ": memory is degraded");
        });

        try (EngineHarness restarted = new EngineHarness(suspensions(state), holds(state))) {
            restarted.file("production", environment("production", AUTO));
            assertThat(restarted.pushAsCommit(2, "C")).isEqualTo(c);
            restarted.timers.advance(Duration.ofMinutes(10));
            restarted.awaitIdle();
            assertThat(restarted.provider.appliesOf("production")).as("the held commit is not applied again")
                    .isEmpty();
            assertThat(restarted.environments.hold("production")).map(Hold::commit).hasValue(c);

            String d = restarted.push("D");
            assertThat(restarted.awaitOutcomes("production", 1).result()).isEqualTo(Outcome.Result.SUCCESS);
            assertThat(restarted.provider.appliesOf("production")).containsExactly(d);
            assertThat(restarted.environments.hold("production")).isEmpty();
        }
        assertThat(holds(state).of("production")).as("the release is saved too").isEmpty();
    }

    private static Holds holds(Path state) {
        return new Holds(state.resolve("held.json"), new Metrics() {
        });
    }

    private static Suspensions suspensions(Path state) {
        return new Suspensions(state.resolve("suspended.json"), new Metrics() {
        });
    }

    @Test
    void anApiReconcileRetriesTheHeldCommit() {
        String a = engine.file("production", environment("production", AUTO)).push("A");
        engine.awaitOutcomes("production", 1);
        String c = pushUnhealthy("C");
        engine.awaitOutcomes("production", 2);

        engine.provider.unhealthy.remove(c);
        assertThat(engine.environments.request("production", Trigger.API)).isTrue();
        awaitSuccess(3, a, c, a, c);
    }

    @Test
    void aRollbackThatFailsTooSaysSoAndHolds() {
        String a = engine.file("production", environment("production", AUTO)).push("A");
        engine.awaitOutcomes("production", 1);
        engine.provider.unhealthy.add(a);
        String c = pushUnhealthy("C");

        Outcome failed = engine.awaitOutcomes("production", 2);
        assertThat(failed.summary()).startsWith("rollback to " + a.substring(0, 7)
                + " failed too: memory is degraded: production never became ready");
        engine.timers.advance(Duration.ofMinutes(10));
        engine.awaitIdle();
        assertThat(engine.provider.appliesOf("production")).containsExactly(a, c, a);
        assertThat(engine.metric("rolledBack:production")).isEqualTo(1);
    }

    @Test
    void withRollbackOffAHealthFailureStaysAsItWas() {
        String a = engine.file("production", environment("production", "mode: auto")).push("A");
        engine.awaitOutcomes("production", 1);
        String c = pushUnhealthy("C");

        Outcome failed = engine.awaitOutcomes("production", 2);
        assertThat(failed.summary()).isEqualTo("memory is degraded: production never became ready");
        engine.awaitIdle();
        assertThat(engine.provider.appliesOf("production")).containsExactly(a, c);
        assertThat(engine.provider.live).containsEntry("production", c);
        assertThat(engine.metric("rolledBack:production")).isZero();
    }

    @Test
    void withoutAnEarlierSuccessNothingIsRolledBack() {
        engine.file("production", environment("production", AUTO));
        String c = pushUnhealthy("C");

        Outcome failed = engine.awaitOutcomes("production", 1);
        assertThat(failed.summary()).isEqualTo("memory is degraded: production never became ready; "
                + "not rolled back: no earlier commit succeeded for production");
        engine.awaitIdle();
        assertThat(engine.provider.appliesOf("production")).containsExactly(c);
        assertThat(engine.metric("rolledBack:production")).isZero();
    }
}
