package io.plumbline.engine.schedule;

import io.plumbline.metrics.Metrics;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Delayed tasks: the engine's only notion of time passing (retries, drift checks), so that tests move time by
 * hand. A task must return quickly; real work is handed to the worker pool.
 */
public interface Timers extends AutoCloseable {

    /** Runs {@code task} once after {@code delay}, unless cancelled first. */
    Task schedule(Duration delay, Runnable task);

    /** Cancels every pending task; nothing runs afterwards. */
    @Override
    void close();

    /** A scheduled task. */
    interface Task {
        Task NONE = () -> {
        };

        void cancel();
    }

    /** Timers on one daemon thread, uncounted. */
    static Timers onThread(String name) {
        return onThread(name, new Metrics() {
        });
    }

    /** Timers on one daemon thread; what escapes a task is logged and counted, and the timers go on. */
    static Timers onThread(String name, Metrics metrics) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        return new Timers() {
            @Override
            public Task schedule(Duration delay, Runnable task) {
                if (executor.isShutdown()) {
                    return Task.NONE;
                }
                ScheduledFuture<?> future = executor.schedule(Faults.guarded("timer", metrics, task),
                        delay.toMillis(), TimeUnit.MILLISECONDS);
                return () -> future.cancel(false);
            }

            @Override
            public void close() {
                executor.shutdownNow();
            }
        };
    }
}
