package io.plumbline.report;

import io.plumbline.model.Backoff;
import java.time.Duration;

/**
 * How often and how patiently the publisher tries a status: the {@link Backoff} from {@code firstDelay} up to
 * {@code maxDelay}, each delay jittered between half and all of it so many statuses do not retry in step.
 *
 * @param maxAttempts tries per status, rate-limited ones included, before it is given up
 * @param maxWait     the longest a host's own "retry after" is honoured; longer asks are cut to this
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay, Duration maxWait) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofMinutes(5),
            Duration.ofHours(1));

    public RetryPolicy {
        if (maxAttempts < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException("retry policy needs maxAttempts >= 1 and 0 <= firstDelay <= maxDelay");
        }
    }

    /** The jittered delay before attempt {@code failedAttempts + 1}. */
    Duration backoff(int failedAttempts) {
        return new Backoff(firstDelay, maxDelay).delay(failedAttempts - 1);
    }

    /** The wait before retrying a rate-limited status: what the host asked for, else the backoff. */
    Duration rateLimitWait(Duration asked, int failedAttempts) {
        return asked == null ? backoff(failedAttempts) : asked.compareTo(maxWait) > 0 ? maxWait : asked;
    }
}
