package io.plumbline.report;

import java.time.Duration;

/** How long to wait for a host: to connect, and for the whole request. */
public record Timeouts(Duration connect, Duration request) {
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(15));

    public Timeouts {
        if (connect == null || request == null || connect.isNegative() || connect.isZero()
                || request.isNegative() || request.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive durations");
        }
    }
}
