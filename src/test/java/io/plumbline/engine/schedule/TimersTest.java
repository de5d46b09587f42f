package io.plumbline.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.metrics.Metrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The timer thread outlives what escapes one of its tasks, and says so. */
class TimersTest {
    @Test
    void anErrorInATaskIsCountedAndTheNextTaskStillRuns() {
        List<String> unexpected = new CopyOnWriteArrayList<>();
        AtomicBoolean later = new AtomicBoolean();
        try (Timers timers = Timers.onThread("timers-test", new Metrics() {
            @Override
            public void unexpected(String where) {
                unexpected.add(where);
            }
        })) {
            timers.schedule(Duration.ZERO, () -> {
                throw new StackOverflowError();
            });
            timers.schedule(Duration.ofMillis(1), () -> later.set(true));

            await().atMost(Duration.ofSeconds(30)).untilTrue(later);
            await().atMost(Duration.ofSeconds(30)).until(() -> unexpected.equals(List.of("timer")));
        }
    }
}
