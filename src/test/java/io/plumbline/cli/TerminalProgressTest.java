package io.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.testing.ManualClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final StringWriter err = new StringWriter();

    @Test
    void onATerminalTheLineSaysWhatIsAwaitedAndForHowLongThenIsWiped() {
        try (TerminalProgress progress = new TerminalProgress(new PrintWriter(err), clock, true)) {
            progress.step("aws", "applying 2 changes");
            assertThat(err.toString()).endsWith("\r\u001b[Kaws: applying 2 changes (0s)");

            progress.step("kubernetes", "waiting for what it applied to be healthy");
            clock.advance(Duration.ofSeconds(12));
            assertThat(progress.line()).isEqualTo("kubernetes: waiting for what it applied to be healthy (12s)");

            progress.finished();
            assertThat(err.toString()).endsWith("\r\u001b[K");
            assertThat(progress.line()).isEmpty();
        }
    }

    @Test
    void offATerminalNothingIsDrawn() {
        try (TerminalProgress progress = new TerminalProgress(new PrintWriter(err), clock, false)) {
            progress.step("aws", "applying 2 changes");
            clock.advance(Duration.ofSeconds(3));
            progress.finished();
        }
        assertThat(err.toString()).isEmpty();
    }
}
