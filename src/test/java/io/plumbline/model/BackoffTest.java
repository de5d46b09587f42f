package io.plumbline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5));

    @Test
    void eachRetryWaitsBetweenHalfAndAllOfTheBaseDoubledPerAttempt() {
        for (int attempt = 0; attempt < 5; attempt++) {
            long ceiling = 10_000L << attempt;
            for (int i = 0; i < 200; i++) {
                assertThat(backoff.delay(attempt).toMillis()).as("attempt %d", attempt)
                        .isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void noRetryWaitsLongerThanTheCap() {
        for (int attempt : new int[] {5, 6, 20, 21, 1_000, Integer.MAX_VALUE}) {
            assertThat(backoff.delay(attempt).toMillis()).as("attempt %d", attempt).isBetween(150_000L, 300_000L);
        }
    }

    @Test
    void aBaseSoLargeThatDoublingOverflowsWaitsTheCap() {
        Backoff huge = new Backoff(Duration.ofMillis(Long.MAX_VALUE / 4), Duration.ofHours(1));
        for (int attempt = 0; attempt < 25; attempt++) {
            assertThat(huge.delay(attempt).toMillis()).as("attempt %d", attempt)
                    .isBetween(Duration.ofMinutes(30).toMillis(), Duration.ofHours(1).toMillis());
        }
    }
}
