package io.plumbline.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollTest {
    private final AtomicInteger asked = new AtomicInteger();
    private final Poll poll = Poll.every(Duration.ofMillis(1));

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void theFirstAnswerEndsTheWait() {
        Optional<Integer> answer = poll.until(Duration.ofMinutes(1),
                () -> asked.incrementAndGet() == 3 ? Optional.of(3) : Optional.empty());
        assertThat(answer).contains(3);
        assertThat(asked).hasValue(3);
    }

    @Test
    void noAnswerWithinTheTimeoutIsEmptyAfterAskingAgain() {
        assertThat(poll.until(Duration.ofMillis(200), () -> {
            asked.incrementAndGet();
            return Optional.empty();
        })).isEmpty();
        assertThat(asked.get()).isGreaterThan(1);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aZeroTimeoutAsksOnce() {
        assertThat(poll.until(Duration.ZERO, () -> {
            asked.incrementAndGet();
            return Optional.empty();
        })).isEmpty();
        assertThat(asked).hasValue(1);
    }

    @Test
    void anInterruptEndsTheWaitEmptyAndKeepsTheFlag() {
        Thread.currentThread().interrupt();
        assertThat(poll.until(Duration.ofMinutes(1), () -> {
            asked.incrementAndGet();
            return Optional.empty();
        })).isEmpty();
        assertThat(asked).hasValue(1);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void aLostFenceStopsTheWaitBeforeItPauses() {
        Poll fenced = poll.fencedBy(() -> {
            throw new NotOwnedException("production is now replica-b's");
        });
        assertThatThrownBy(() -> fenced.until(Duration.ofMinutes(1), () -> {
            asked.incrementAndGet();
            return Optional.empty();
        })).isInstanceOf(NotOwnedException.class);
        assertThat(asked).hasValue(1);
    }

    @Test
    void aFenceLostDuringAPauseStopsTheWaitBeforeTheNextRound() {
        AtomicInteger checks = new AtomicInteger();
        Poll fenced = poll.fencedBy(() -> {
            if (checks.incrementAndGet() > 1) {
                throw new NotOwnedException("production is now replica-b's");
            }
        });
        assertThatThrownBy(() -> fenced.until(Duration.ofMinutes(1), () -> {
            asked.incrementAndGet();
            return Optional.empty();
        })).isInstanceOf(NotOwnedException.class);
        assertThat(asked).as("not asked again once the fence was lost").hasValue(1);
        assertThat(checks).hasValue(2);
    }

    @Test
    void anAnswerNeedsNoFence() {
        Poll fenced = poll.fencedBy(() -> {
            throw new NotOwnedException("production is now replica-b's");
        });
        assertThat(fenced.until(Duration.ofMinutes(1), () -> Optional.of("done"))).contains("done");
    }

    @Test
    void awaitNamesWhatWasLateOrThatItWasInterrupted() {
        assertThatThrownBy(() -> poll.await(Duration.ZERO, () -> false, "interrupted", () -> "VPC vpc-1 late"))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessage("VPC vpc-1 late");
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> poll.await(Duration.ofMinutes(1), () -> false, "interrupted", () -> "late"))
                .hasMessage("interrupted");
        poll.await(Duration.ofMinutes(1), () -> true, "interrupted", () -> "late");
    }

    @Test
    void pausesGrowFromTheFirstToTheInterval() {
        // From 1 ms doubling towards 1 h: within 200 ms at most the pauses 1, 2, 4, ... 64 ms and the rest cut at the
        // deadline fit, so about ten rounds (a round more or two where the machine is slow); a fixed 1 ms pause would make a hundred or
        // more. Counts rounds.
        Poll growing = Poll.every(Duration.ofHours(1)).startingAt(Duration.ofMillis(1));
        growing.until(Duration.ofMillis(200), () -> {
            asked.incrementAndGet();
            return Optional.empty();
        });
        assertThat(asked.get()).isBetween(2, 20);
    }
}
