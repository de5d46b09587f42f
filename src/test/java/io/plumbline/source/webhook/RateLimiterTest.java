package io.plumbline.source.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.source.webhook.RateLimiter.Permit;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The token bucket, driven by a clock the test moves by hand. */
class RateLimiterTest {
    private Instant now = Instant.parse("2025-03-14T10:00:00Z");
    private final InstantSource clock = () -> now;
    // 30 a minute: one token every 2 seconds, up to 5 at once
    private final RateLimiter limiter = RateLimiter.perMinute(30, 5, clock);

    @Test
    void aBurstIsGrantedThenRefusedWithTheWaitUntilTheNextToken() {
        assertThat(IntStream.range(0, 5).mapToObj(i -> limiter.acquire("github"))).allMatch(Permit::granted);

        assertThat(limiter.acquire("github")).isEqualTo(new Permit(false, Duration.ofSeconds(2)));
        now = now.plusMillis(500);
        assertThat(limiter.acquire("github")).isEqualTo(new Permit(false, Duration.ofMillis(1500)));
    }

    @Test
    void tokensComeBackAtTheAverageRate() {
        IntStream.range(0, 5).forEach(i -> limiter.acquire("github"));

        now = now.plusSeconds(2);
        assertThat(limiter.acquire("github").granted()).isTrue();
        assertThat(limiter.acquire("github").granted()).isFalse();

        now = now.plusSeconds(6);
        assertThat(IntStream.range(0, 3).mapToObj(i -> limiter.acquire("github"))).allMatch(Permit::granted);
        assertThat(limiter.acquire("github").granted()).isFalse();
    }

    @Test
    void refusedRequestsDoNotUseUpTokens() {
        IntStream.range(0, 5).forEach(i -> limiter.acquire("github"));
        IntStream.range(0, 50).forEach(i -> limiter.acquire("github"));

        now = now.plusSeconds(2);
        assertThat(limiter.acquire("github").granted()).isTrue();
    }

    @Test
    void anIdleBucketFillsUpToTheBurstAndNoFurther() {
        IntStream.range(0, 5).forEach(i -> limiter.acquire("github"));

        now = now.plus(Duration.ofHours(1));
        assertThat(IntStream.range(0, 5).mapToObj(i -> limiter.acquire("github"))).allMatch(Permit::granted);
        assertThat(limiter.acquire("github").granted()).isFalse();
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        IntStream.range(0, 5).forEach(i -> limiter.acquire("203.0.113.7"));

        assertThat(limiter.acquire("203.0.113.7").granted()).isFalse();
        assertThat(limiter.acquire("198.51.100.23").granted()).isTrue();
    }

    @Test
    void manySendersDoNotForgetABucketThatIsStillDraining() {
        IntStream.range(0, 5).forEach(i -> limiter.acquire("busy"));
        // thousands of one-off senders, spread so their buckets are full again when the map is pruned
        for (int i = 0; i < 3000; i++) {
            limiter.acquire("sender-" + i);
            now = now.plusMillis(1);
        }

        assertThat(limiter.acquire("busy").granted()).as("3 seconds later, one token is back").isTrue();
        assertThat(limiter.acquire("busy").granted()).isFalse();
    }

    @Test
    void ratesMustBePositive() {
        assertThatThrownBy(() -> RateLimiter.perMinute(0, 5, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimiter.perMinute(30, 0, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
