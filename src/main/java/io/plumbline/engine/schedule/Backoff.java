package io.plumbline.engine.schedule;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: the n-th retry (from 0) waits between half and all of base × 2^n, at most
 * {@code cap}, so failures that may pass are retried for ever without hammering the target.
 */
public record Backoff(Duration base, Duration cap) {

    public Duration delay(int attempt) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
