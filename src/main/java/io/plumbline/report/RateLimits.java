package io.plumbline.report;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads how long a host asked us to wait from its response headers. */
final class RateLimits {
    private RateLimits() {
    }

    /**
     * Whether the response says we are rate limited: 429 on any host, or GitHub's 403 with no requests left
     * (primary limit) or with {@code Retry-After} (secondary limit).
     */
    static boolean isRateLimited(int status, HttpHeaders headers) {
        return status == 429 || status == 403 && (headers.firstValue("Retry-After").isPresent()
                || headers.firstValue("X-RateLimit-Remaining").map(String::strip).filter("0"::equals).isPresent());
    }

    /**
     * The wait the host asked for: {@code Retry-After} (seconds or an HTTP date), else the reset time of the
     * exhausted window ({@code X-RateLimit-Reset} on GitHub, {@code RateLimit-Reset} on GitLab, epoch seconds).
     */
    static Optional<Duration> waitFrom(HttpHeaders headers, Clock clock) {
        Optional<Duration> retryAfter = headers.firstValue("Retry-After").flatMap(v -> retryAfter(v, clock));
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        return headers.firstValue("X-RateLimit-Reset").or(() -> headers.firstValue("RateLimit-Reset"))
                .flatMap(RateLimits::epochSeconds).map(reset -> positive(Duration.between(clock.instant(), reset)));
    }

    private static Optional<Duration> retryAfter(String value, Clock clock) {
        String v = value.strip();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(positive(Duration.between(clock.instant(), at)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> epochSeconds(String value) {
        String v = value.strip();
        return v.matches("\\d{1,12}") ? Optional.of(Instant.ofEpochSecond(Long.parseLong(v))) : Optional.empty();
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
