package io.plumbline.engine.loop;

import static io.plumbline.engine.loop.EngineHarness.environment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.model.Outcome;
import io.plumbline.provider.ProviderException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whatever triggers an environment, the newest commit wins and nothing older is applied after it. */
class NewestCommitWinsTest {
    private final EngineHarness engine = new EngineHarness();

    @AfterEach
    void close() {
        engine.close();
    }

    /** After the first reconcile, someone changes the object by hand and a drift check starts and is held. */
    private Gate driftCheckOfAChangeByHand() {
        engine.awaitOutcomes("production", 1);
        engine.provider.live.put("production", "changed by hand");
        Gate driftCheck = engine.provider.hold("observe", "production");
        engine.timers.advance(Duration.ofMinutes(1));
        return driftCheck.awaitReached();
    }

    @Test
    void aSelfHealThatStartedOnAnOlderCommitNeverReappliesIt() {
        String a = engine.file("production", environment("production", "selfHeal: true, driftInterval: 1m"))
                .push("A");
        Gate driftCheck = driftCheckOfAChangeByHand();

        String b = engine.push("B");
        driftCheck.open();

        Outcome last = engine.awaitOutcomes("production", 2);
        assertThat(last.revision().commit()).isEqualTo(b);
        engine.awaitIdle();
        engine.timers.advance(Duration.ofMinutes(5));
        engine.awaitIdle();
        assertThat(engine.provider.appliesOf("production")).containsExactly(a, b);
        assertThat(engine.provider.live).containsEntry("production", b);
    }

    @Test
    void aRetryOfAFailedCommitNeverAppliesItAfterANewerOne() {
        engine.provider.applyFailures.add(ProviderException.retryable("503 Service Unavailable", null));
        String a = engine.file("production", environment("production", "mode: auto")).push("A");
        assertThat(engine.awaitOutcomes("production", 1).result()).isEqualTo(Outcome.Result.FAILURE);
        assertThat(engine.metric("retryScheduled:production")).isEqualTo(1);

        String b = engine.push("B");
        assertThat(engine.awaitOutcomes("production", 2).result()).isEqualTo(Outcome.Result.SUCCESS);
        engine.timers.advance(EngineHarness.RETRY_CAP.multipliedBy(3));
        engine.awaitIdle();

        assertThat(engine.provider.appliesOf("production")).containsExactly(a, b);
        assertThat(engine.outcomesOf("production")).hasSize(2);
    }

    @Test
    void aPushDuringALongHealthWaitIsTakenAtOnceAndAppliedNext() {
        engine.file("staging", environment("staging", "mode: auto"));
        Gate healthWait = engine.provider.hold("health", "production");
        String a = engine.file("production", environment("production", "mode: auto")).push("A");
        healthWait.awaitReached();

        CompletableFuture<String> fix = CompletableFuture.supplyAsync(() -> engine.push("Fix"));
        await().atMost(Duration.ofSeconds(30)).until(fix::isDone);
        String b = fix.join();
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.provider.appliesOf("staging").contains(b));
        assertThat(engine.provider.appliesOf("production")).containsExactly(a);

        healthWait.open();
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.provider.appliesOf("production").contains(b));
        assertThat(engine.provider.appliesOf("production")).containsExactly(a, b);
        assertThat(engine.awaitOutcomes("production", 2).revision().commit()).isEqualTo(b);
    }

    @Test
    void suspendingDuringADriftCheckStopsSelfHealAndEveryLaterCheck() {
        String a = engine.file("production", environment("production", "selfHeal: true, driftInterval: 1m"))
                .push("A");
        Gate driftCheck = driftCheckOfAChangeByHand();

        engine.file("production", environment("production", "mode: suspended, selfHeal: true, driftInterval: 1m"))
                .push("Suspend");
        driftCheck.open();
        engine.awaitIdle();
        engine.timers.advance(Duration.ofMinutes(10));
        engine.awaitIdle();

        assertThat(engine.provider.appliesOf("production")).containsExactly(a);
        assertThat(engine.provider.observes).as("plan and convergence check of A, then the one drift check")
                .hasSize(3);
        assertThat(engine.provider.live).containsEntry("production", "changed by hand");
    }

    /** C1 and C2 are applied, then the branch is force-pushed back to C1; returns both. */
    private List<String> twoCommitsThenBackToTheFirst(String sync) {
        String c1 = engine.file("production", environment("production", sync)).push("C1");
        engine.awaitOutcomes("production", 1);
        String c2 = engine.push("C2");
        engine.awaitOutcomes("production", 2);
        engine.resetTo(c1);
        return List.of(c1, c2);
    }

    @Test
    void aForcePushToAnOlderCommitIsRefusedUnlessTheCommitSaysItMeansIt() {
        List<String> applied = twoCommitsThenBackToTheFirst("mode: auto");
        String c1 = applied.get(0);
        String c2 = applied.get(1);
        Outcome refused = engine.awaitOutcomes("production", 3);
        assertThat(refused.result()).isEqualTo(Outcome.Result.FAILURE);
        assertThat(refused.error()).startsWith("not a fast-forward of " + c2);
        assertThat(engine.metric("rewindRefused:production")).isEqualTo(1);
        assertThat(engine.provider.appliesOf("production")).containsExactly(c1, c2);

        String c3 = engine.pushOnto(c1, "Roll back C2\n\nPlumbline-Allow-Rewind: " + c2.substring(0, 12));
        assertThat(engine.awaitOutcomes("production", 4).result()).isEqualTo(Outcome.Result.SUCCESS);
        assertThat(engine.provider.appliesOf("production")).containsExactly(c1, c2, c3);
    }

    @Test
    void anEnvironmentThatAllowsRewindsAppliesAnOlderHead() {
        List<String> applied = twoCommitsThenBackToTheFirst("allowRewind: true");
        String c1 = applied.get(0);
        String c2 = applied.get(1);

        assertThat(engine.awaitOutcomes("production", 3).result()).isEqualTo(Outcome.Result.SUCCESS);
        assertThat(engine.provider.appliesOf("production")).containsExactly(c1, c2, c1);
    }
}
