package io.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitsTest {
    final Instant now = Instant.parse("2025-03-01T10:00:00Z");
    final Clock clock = Clock.fixed(now, ZoneOffset.UTC);

    @Test
    void retryAfterInSecondsOrAsADate() {
        assertThat(RateLimits.waitFrom(headers("Retry-After", "30"), clock)).contains(Duration.ofSeconds(30));
        assertThat(RateLimits.waitFrom(headers("Retry-After", "Sat, 01 Mar 2025 10:01:00 GMT"), clock))
                .contains(Duration.ofMinutes(1));
    }

    @Test
    void gitHubAndGitLabResetTimesInEpochSeconds() {
        String reset = Long.toString(now.plusSeconds(90).getEpochSecond());
        HttpHeaders github = headers("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", reset);
        assertThat(RateLimits.isRateLimited(403, github)).isTrue();
        assertThat(RateLimits.waitFrom(github, clock)).contains(Duration.ofSeconds(90));
        assertThat(RateLimits.waitFrom(headers("RateLimit-Reset", reset), clock)).contains(Duration.ofSeconds(90));
    }

    @Test
    void aForbiddenWithRequestsLeftIsNoRateLimitAndAPastResetMeansNow() {
        assertThat(RateLimits.isRateLimited(403, headers("X-RateLimit-Remaining", "12"))).isFalse();
        assertThat(RateLimits.isRateLimited(429, headers())).isTrue();
        assertThat(RateLimits.waitFrom(headers("X-RateLimit-Reset", "1"), clock)).contains(Duration.ZERO);
        assertThat(RateLimits.waitFrom(headers("Retry-After", "soon"), clock)).isEmpty();
    }

    @Test
    void backoffGrowsWithJitterAndHostWaitsAreCapped() {
        RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofMinutes(10));
        assertThat(policy.backoff(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(policy.backoff(3)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(policy.backoff(30)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertThat(policy.rateLimitWait(Duration.ofHours(2), 1)).isEqualTo(Duration.ofMinutes(10));
    }

    private static HttpHeaders headers(String... pairs) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], List.of(pairs[i + 1]));
        }
        return HttpHeaders.of(map, (k, v) -> true);
    }
}
