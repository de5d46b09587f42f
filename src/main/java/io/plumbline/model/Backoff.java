package io.plumbline.model;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: the n-th retry (from 0) waits between half and all of base × 2^n, at most
 * {@code cap}, so failures that may pass are retried without hammering the target, and many retries do not run in
 * step. The one backoff of Plumbline: the engine's retries of a reconcile and the publisher's retries of a status.
 * It sits in {@code model}, the lowest package both may use.
 */
public record Backoff(Duration base, Duration cap) {

    public Duration delay(int attempt) {
        long ceiling = base.toMillis() << Math.min(attempt, 20);
        // A base so large that the shift overflows waits the cap, as any other delay beyond it does.
        long capped = ceiling < 0 ? cap.toMillis() : Math.min(cap.toMillis(), ceiling);
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
