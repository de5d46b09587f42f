package io.plumbline.engine.schedule;

import io.plumbline.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The top of every task on a thread of the engine (poller, timers, workers): whatever escapes it, an {@link Error}
 * included, is logged once at ERROR with its stack and counted in {@code plumbline_unexpected_errors_total{where}},
 * and the thread goes on. Without it an executor keeps the throwable in a future no one reads, and the work stops
 * without a word.
 */
public final class Faults {
    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);

    private Faults() {
    }

    /** {@code task}, guarded: it never throws. */
    public static Runnable guarded(String where, Metrics metrics, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable e) {
                report(where, metrics, e);
            }
        };
    }

    /** Logs and counts a throwable nothing expected; the caller carries on. */
    public static void report(String where, Metrics metrics, Throwable e) {
        LOG.error("{} failed unexpectedly: {}", where, e.toString(), e);
        metrics.unexpected(where);
    }
}
