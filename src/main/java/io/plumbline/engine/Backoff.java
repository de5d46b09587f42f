package io.plumbline.engine;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: attempt n waits between half and all of base × 2^n (at most an hour). */
final class Backoff {
    private static final Duration CAP = Duration.ofHours(1);

    private Backoff() {
    }

    static Duration delay(Duration base, int attempt) {
        long ceiling = Math.min(CAP.toMillis(), base.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
