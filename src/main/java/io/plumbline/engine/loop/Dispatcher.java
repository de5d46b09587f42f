package io.plumbline.engine.loop;

import io.plumbline.engine.schedule.Faults;
import io.plumbline.engine.schedule.Lane;
import io.plumbline.engine.schedule.Trigger;
import io.plumbline.metrics.Metrics;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each environment's work on the worker pool, one run at a time per environment. A trigger that arrives
 * while its environment runs is kept, and all such triggers coalesce into one follow-up: a storm of requests
 * costs at most two reconciles. Queued runs wait in {@link Lane}s: a commit goes ahead of every drift check and
 * retry queued before it, and a run queued for a drift check moves ahead when a commit names its environment (its
 * old place in the queue is then left void). The queue holds at most one live run per environment.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final ThreadPoolExecutor pool;
    private final BiConsumer<EnvironmentState, Set<Trigger>> work;
    private final Metrics metrics;
    private final AtomicLong queued = new AtomicLong();
    private volatile boolean closing;

    Dispatcher(int workers, BiConsumer<EnvironmentState, Set<Trigger>> work, Metrics metrics) {
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new PriorityBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "plumbline-reconcile");
                    t.setDaemon(true);
                    return t;
                });
        this.work = work;
        this.metrics = metrics;
    }

    /** Names an environment in the lane of its trigger. */
    void request(EnvironmentState state, Trigger trigger) {
        request(state, trigger, Lane.of(trigger));
    }

    /** Names an environment in {@code lane}, or in its trigger's lane if that one is ahead. */
    void request(EnvironmentState state, Trigger trigger, Lane lane) {
        if (closing) {
            return;
        }
        state.offer(trigger, lane.first(Lane.of(trigger))).ifPresent(ticket -> {
            try {
                pool.execute(new Queued(ticket.lane(), queued.incrementAndGet(), () -> {
                    if (state.start(ticket)) {
                        drain(state);
                    }
                }));
            } catch (RejectedExecutionException e) {
                state.idle();
            }
        });
    }

    /** Other work for the pool (pull-request plans), in the lane of commits; dropped once closing. */
    void submit(Runnable task) {
        try {
            pool.execute(new Queued(Lane.COMMIT, queued.incrementAndGet(), Faults.guarded("worker", metrics, task)));
        } catch (RejectedExecutionException e) {
            LOG.debug("shutting down: {} not started", task);
        }
    }

    /** Work waiting for a worker: by lane, then first come first served. */
    private record Queued(Lane lane, long order, Runnable task) implements Runnable, Comparable<Queued> {
        private static final Comparator<Queued> FIRST = Comparator.comparing(Queued::lane)
                .thenComparingLong(Queued::order);

        @Override
        public void run() {
            task.run();
        }

        @Override
        public int compareTo(Queued other) {
            return FIRST.compare(this, other);
        }
    }

    private void drain(EnvironmentState state) {
        boolean drained = false;
        try {
            for (Set<Trigger> triggers = next(state); !triggers.isEmpty(); triggers = next(state)) {
                try {
                    work.accept(state, triggers);
                } catch (Throwable e) {
                    // Logged and counted; the environment's next trigger runs as if this one had ended.
                    Faults.report("worker", metrics, e);
                }
            }
            drained = true;
        } finally {
            if (!drained) {
                // Taking the next triggers failed: free the environment, so that the next trigger starts a run again.
                state.idle();
            }
        }
    }

    private Set<Trigger> next(EnvironmentState state) {
        return closing ? state.idle() : state.take();
    }

    /**
     * Takes no more triggers and waits up to {@code grace} for runs under way to finish (a reconcile is never cut
     * off half-way if it ends in time). True when everything finished; otherwise the runs are interrupted.
     */
    boolean close(Duration grace) {
        closing = true;
        pool.shutdown();
        try {
            if (pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.warn("reconciles still running after {}s of shutdown are interrupted", grace.toSeconds());
        pool.shutdownNow();
        return false;
    }
}
