package io.plumbline.engine.loop;

import static io.plumbline.engine.loop.EngineHarness.environment;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.engine.history.HistoryEntry;
import io.plumbline.model.Health;
import io.plumbline.model.Outcome;
import io.plumbline.provider.ProviderException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How each way a reconcile can end is reported, and what comes after it. */
class OutcomesTest {
    private final EngineHarness engine = new EngineHarness();

    @AfterEach
    void close() {
        engine.close();
    }

    private Outcome failureOfTheFirstCommit() {
        engine.file("production", environment("production", "mode: auto")).push("A");
        Outcome outcome = engine.awaitOutcomes("production", 1);
        assertThat(outcome.result()).isEqualTo(Outcome.Result.FAILURE);
        return outcome;
    }

    /** A failure that waits for a new commit: however long one waits, nothing is tried again. */
    private void assertNoRetry() {
        engine.awaitIdle();
        engine.timers.advance(EngineHarness.RETRY_CAP.multipliedBy(3));
        engine.awaitIdle();
        assertThat(engine.provider.applies).hasSize(1);
        assertThat(engine.outcomesOf("production")).hasSize(1);
        assertThat(engine.metric("retryScheduled:production")).isZero();
    }

    @Test
    void anApplyThatDoesNotLandIsAFailureNamingTheResourceAndField() {
        engine.provider.stuck = true;

        assertThat(failureOfTheFirstCommit().error())
                .isEqualTo("not converged: memory Item production/config: still missing");
        assertThat(engine.metric("notConverged:production")).isEqualTo(1);
        assertNoRetry();
    }

    @Test
    void anUnexpectedExceptionIsReportedByItsClassCountedApartAndRetried() {
        assertUnexpectedAndRetried(new NullPointerException(), "unexpected NullPointerException");
    }

    @Test
    void anErrorInsideAReconcileIsReportedCountedApartAndRetriedToo() {
        assertUnexpectedAndRetried(new StackOverflowError(), "unexpected StackOverflowError");
    }

    private void assertUnexpectedAndRetried(Throwable thrown, String error) {
        engine.provider.observeFailures.add(thrown);
        engine.file("production", environment("production", "mode: auto")).push("A");

        Outcome outcome = engine.awaitOutcomes("production", 1);

        assertThat(outcome.result()).isEqualTo(Outcome.Result.FAILURE);
        assertThat(outcome.error()).isEqualTo(error);
        assertThat(outcome.health().status()).isEqualTo(Health.Status.UNKNOWN);
        assertThat(engine.metricsInFull).contains("reconciled:production:unexpected")
                .doesNotContain("reconciled:production:failure");
        engine.awaitIdle();
        engine.timers.advance(EngineHarness.RETRY_CAP);
        assertThat(engine.awaitOutcomes("production", 2).result()).isEqualTo(Outcome.Result.SUCCESS);
        assertThat(engine.outcomesOf("production").get(1).trigger()).isEqualTo("retry");
    }

    @Test
    void aFailureThatMayPassIsRetriedForEverWithABackoffThatStopsGrowingAtTheCap() {
        for (int i = 0; i < 12; i++) {
            engine.provider.applyFailures.add(ProviderException.retryable("Rate exceeded (throttling)", null));
        }
        engine.file("production", environment("production", "mode: auto")).push("A");
        engine.awaitOutcomes("production", 1);

        for (int attempt = 2; attempt <= 13; attempt++) {
            engine.awaitIdle();
            engine.timers.advance(EngineHarness.RETRY_CAP);
            engine.awaitOutcomes("production", attempt);
        }

        assertThat(engine.outcomesOf("production")).hasSize(13).last()
                .satisfies(o -> assertThat(o.result()).isEqualTo(Outcome.Result.SUCCESS));
        assertThat(engine.metric("retryScheduled:production")).isEqualTo(12);
    }

    @Test
    void aTargetThatCouldNotBeReadLeavesHealthUnknownNotHealthy() {
        engine.provider.observeFailures.add(ProviderException.retryable("connection refused", null));

        Outcome outcome = failureOfTheFirstCommit();

        assertThat(outcome.health().status()).isEqualTo(Health.Status.UNKNOWN);
        assertThat(outcome.health().reason()).startsWith("not observed");
        assertThat(HistoryEntry.of(outcome).health()).isEqualTo("unknown");
    }

    @Test
    void anInvalidOrPlanOnlyCommitHasNoHealthAtAll() {
        engine.file("production", environment("production", "mode: sometimes"))
                .file("staging", environment("staging", "mode: plan-only")).push("A");

        Outcome invalid = engine.awaitOutcomes("production", 1);
        Outcome planOnly = engine.awaitOutcomes("staging", 1);

        assertThat(List.of(invalid.result(), planOnly.result())).containsExactly(Outcome.Result.INVALID,
                Outcome.Result.SUCCESS);
        assertThat(List.of(invalid, planOnly)).allSatisfy(OutcomesTest::assertNoHealth);
    }

    @Test
    void aRefusedCommitHasNoHealthAtAll() {
        engine.provider.observeFailures.add(ProviderException.refused("403 not authorised to describe"));
        engine.file("production", environment("production", "mode: auto")).push("A");

        Outcome refused = engine.awaitOutcomes("production", 1);

        assertThat(refused.result()).isEqualTo(Outcome.Result.REFUSED);
        assertNoHealth(refused);
    }

    private static void assertNoHealth(Outcome o) {
        assertThat(o.health()).isNull();
        assertThat(HistoryEntry.of(o).health()).isNull();
        assertThat(HistoryEntry.of(o).healthReason()).isEmpty();
    }

    @Test
    void anObjectTheTargetRejectsWaitsForANewCommit() {
        engine.provider.reject = true;

        assertThat(failureOfTheFirstCommit().error()).contains("422 the target refuses this value");
        assertNoRetry();

        engine.provider.reject = false;
        engine.push("B");
        assertThat(engine.awaitOutcomes("production", 2).result()).isEqualTo(Outcome.Result.SUCCESS);
    }

    @Test
    void oneInvalidFileIsReportedAloneWhileTheOtherEnvironmentsReconcile() {
        engine.file("production", environment("production", "mode: auto"))
                .file("staging", environment("staging", "mode: sometimes")).push("A");

        assertThat(engine.awaitOutcomes("staging", 1).result()).isEqualTo(Outcome.Result.INVALID);
        assertThat(engine.awaitOutcomes("production", 1).result()).isEqualTo(Outcome.Result.SUCCESS);
        assertThat(engine.provider.appliesOf("staging")).isEmpty();
    }

    @Test
    void aCommitThatCannotBeLoadedShowsAndLeavesEveryEnvironmentAsItWas() {
        engine.file("production", environment("production", "mode: auto, driftInterval: 1m")).push("A");
        engine.awaitOutcomes("production", 1);
        engine.awaitIdle();

        engine.pushUnreadable();

        assertThat(engine.environments.loadFailure()).contains("cannot be loaded").contains("gitlink");
        assertThat(engine.metric("repositoryLoadable:false")).isEqualTo(1);
        assertThat(engine.environments.names()).containsExactly("production");
        engine.timers.advance(Duration.ofMinutes(1));
        engine.awaitIdle();
        assertThat(engine.provider.observes).as("the drift check still runs").hasSize(3);

        engine.push("Fixed");
        assertThat(engine.awaitOutcomes("production", 2).result()).isEqualTo(Outcome.Result.SUCCESS);
        assertThat(engine.environments.loadFailure()).isEmpty();
    }
}
