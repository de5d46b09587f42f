package io.plumbline.provider.haproxy;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Asks again every {@link #INTERVAL} until an answer comes or time runs out. */
final class Poll {
    static final Duration INTERVAL = Duration.ofMillis(50);

    private Poll() {
    }

    /** @param probe returns empty while there is no answer yet */
    static <T> Optional<T> until(Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> answer = probe.get();
            if (answer.isPresent() || System.nanoTime() > deadline) {
                return answer;
            }
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
