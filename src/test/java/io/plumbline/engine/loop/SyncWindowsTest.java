package io.plumbline.engine.loop;

import static io.plumbline.engine.loop.EngineHarness.environment;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.engine.plan.SyncWindows;
import io.plumbline.engine.schedule.Trigger;
import io.plumbline.model.Outcome;
import io.plumbline.model.spec.SyncWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sync windows hold automatic applies back, say until when, and let them through when the windows allow, on the
 * harness's clock (it starts at 2026-11-29 12:00 UTC, a Sunday).
 */
class SyncWindowsTest {
    private static final Instant NOON = Instant.parse("2026-11-29T12:00:00Z");
    private final EngineHarness engine = new EngineHarness();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aDenyWindowBlocksAnAutomaticApplyUntilItEnds() {
        // Drift ticks at 12:07, 12:14, ... are held back too, and say nothing more; none falls on 13:00.
        String a = engine.file("production", environment("production", "mode: auto, driftInterval: 7m,"
                + " windows: [{kind: deny, schedule: '0 12 * * *', duration: 1h}]")).push("A");
        engine.awaitIdle();

        assertThat(engine.outcomesOf("production")).isEmpty();
        assertThat(engine.statuses).containsExactly(
                "plumbline/production PENDING: waiting for window 2026-11-29 13:00 UTC");
        engine.timers.advance(Duration.ofMinutes(59));
        engine.awaitIdle();
        assertThat(engine.provider.appliesOf("production")).isEmpty();

        engine.timers.advance(Duration.ofMinutes(1));
        Outcome applied = engine.awaitOutcomes("production", 1);

        assertThat(applied.trigger()).isEqualTo("webhook");
        assertThat(applied.result()).isEqualTo(Outcome.Result.SUCCESS);
        assertThat(engine.provider.appliesOf("production")).containsExactly(a);
    }

    @Test
    void anOperatorMayReconcileOutsideTheAllowWindowsButNeverInADenyWindow() {
        engine.file("production", environment("production",
                "mode: auto, windows: [{kind: allow, schedule: '0 14 * * *', duration: 1h}]")).push("A");
        engine.awaitIdle();
        assertThat(engine.outcomesOf("production")).isEmpty();

        engine.environments.request("production", Trigger.API);
        assertThat(engine.awaitOutcomes("production", 1).trigger()).isEqualTo("api");

        engine.file("production", environment("production",
                "mode: auto, windows: [{kind: deny, schedule: '* * * * SUN', duration: 1m}]")).push("B");
        engine.awaitIdle();
        engine.environments.request("production", Trigger.API);
        engine.awaitIdle();
        assertThat(engine.outcomesOf("production")).hasSize(1);
        assertThat(engine.statuses).last().isEqualTo(
                "plumbline/production PENDING: waiting for window 2026-11-30 00:00 UTC");
    }

    @Test
    void overlappingDenyWindowsWaitForTheLastToEnd() {
        List<SyncWindow> windows = List.of(new SyncWindow("deny", "30 11 * * *", "1h", null),
                new SyncWindow("deny", "15 12 * * *", "1h", null));

        assertThat(SyncWindows.blockedUntil(windows, NOON, false))
                .hasValue(Instant.parse("2026-11-29T13:15:00Z"));
        assertThat(SyncWindows.blockedUntil(windows, NOON.plus(Duration.ofHours(2)), false)).isEmpty();
    }

    @Test
    void aManualApplyIsRefusedNamingTheOpenDenyWindowsAndWhenTheyEnd() {
        List<SyncWindow> windows = List.of(new SyncWindow("deny", "30 11 * * *", "1h", null),
                new SyncWindow("deny", "15 14 * * *", "1h", "Europe/Berlin"),
                new SyncWindow("allow", "0 22 * * *", "1h", null));

        assertThat(windows).extracting(w -> w.openAt(NOON)).containsExactly(true, false, false);
        assertThat(windows.get(0).openAt(Instant.parse("2026-11-29T12:30:00Z"))).as("closed at its end").isFalse();
        assertThat(SyncWindows.manualRefusal(windows, NOON)).hasValue(
                "the sync window deny \"30 11 * * *\" for 1h (UTC) is open until 2026-11-29 12:30 UTC");
        assertThat(SyncWindows.manualRefusal(windows, Instant.parse("2026-11-29T13:00:00Z")))
                .as("outside the allow window, as an operator's reconcile").isEmpty();
    }

    @Test
    void anAllowWindowInATimeZoneOpensAtItsLocalTime() {
        List<SyncWindow> windows = List.of(new SyncWindow("allow", "0 22 * * MON-FRI", "2h", "Europe/Berlin"));

        assertThat(SyncWindows.blockedUntil(windows, NOON, false)).as("Monday 22:00 in Berlin is 21:00 UTC")
                .hasValue(Instant.parse("2026-11-30T21:00:00Z"));
        assertThat(SyncWindows.blockedUntil(windows, Instant.parse("2026-11-30T22:59:00Z"), false)).isEmpty();
        assertThat(SyncWindows.blockedUntil(windows, NOON, true)).as("manual ignores allow windows")
                .isEqualTo(Optional.empty());
    }
}
