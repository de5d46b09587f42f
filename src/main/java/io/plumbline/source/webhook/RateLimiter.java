package io.plumbline.source.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a host kind or a remote address): {@code burst} requests at once, then one every
 * {@code interval}. Each bucket is kept as the single instant at which it will be full again, so a request
 * costs one map update and no timer runs. Full buckets are forgotten once there are many keys, which bounds
 * memory by the recent request rate rather than by the number of senders ever seen. Thread-safe.
 */
public final class RateLimiter {
    private static final int FORGET_FULL_BUCKETS_ABOVE = 1024;

    /** Whether a request may proceed; when it may not, how long until it would (for {@code Retry-After}). */
    public record Permit(boolean granted, Duration retryAfter) {
    }

    private final Duration interval;
    private final Duration capacity;
    private final InstantSource clock;
    private final Map<String, Instant> fullAt = new ConcurrentHashMap<>();

    private RateLimiter(Duration interval, int burst, InstantSource clock) {
        this.interval = interval;
        this.capacity = interval.multipliedBy(burst);
        this.clock = clock;
    }

    /** {@code requests} per minute on average per key, with up to {@code burst} at once. */
    public static RateLimiter perMinute(int requests, int burst, InstantSource clock) {
        if (requests <= 0 || burst <= 0) {
            throw new IllegalArgumentException("requests per minute and burst must be positive, not "
                    + requests + " and " + burst);
        }
        return new RateLimiter(Duration.ofMinutes(1).dividedBy(requests), burst, clock);
    }

    /** Takes one token from {@code key}'s bucket if it has one. */
    public Permit acquire(String key) {
        Instant now = clock.instant();
        Permit[] outcome = new Permit[1];
        fullAt.compute(key, (k, full) -> {
            Instant start = full == null || full.isBefore(now) ? now : full;
            Instant next = start.plus(interval);
            Duration wait = Duration.between(now.plus(capacity), next);
            if (wait.isNegative() || wait.isZero()) {
                outcome[0] = new Permit(true, Duration.ZERO);
                return next;
            }
            outcome[0] = new Permit(false, wait);
            return full;
        });
        if (fullAt.size() > FORGET_FULL_BUCKETS_ABOVE) {
            fullAt.values().removeIf(full -> !full.isAfter(now));
        }
        return outcome[0];
    }
}
