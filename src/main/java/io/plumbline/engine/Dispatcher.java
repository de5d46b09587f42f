package io.plumbline.engine;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each environment's work on the worker pool, one run at a time per environment. A trigger that arrives
 * while its environment runs is kept, and all such triggers coalesce into one follow-up: a storm of requests
 * costs at most two reconciles. The queue holds at most one run per environment.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final ExecutorService pool;
    private final BiConsumer<EnvironmentState, Set<Trigger>> work;
    private volatile boolean closing;

    Dispatcher(int workers, BiConsumer<EnvironmentState, Set<Trigger>> work) {
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "plumbline-reconcile");
            t.setDaemon(true);
            return t;
        });
        this.work = work;
    }

    void request(EnvironmentState state, Trigger trigger) {
        if (closing || !state.offer(trigger)) {
            return;
        }
        try {
            pool.execute(() -> drain(state));
        } catch (RejectedExecutionException e) {
            state.idle();
        }
    }

    /** Other work for the pool (pull-request plans); dropped once closing. */
    void submit(Runnable task) {
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("shutting down: {} not started", task);
        }
    }

    private void drain(EnvironmentState state) {
        boolean drained = false;
        try {
            for (Set<Trigger> triggers = next(state); !triggers.isEmpty(); triggers = next(state)) {
                try {
                    work.accept(state, triggers);
                } catch (RuntimeException e) {
                    LOG.error("work on environment {} failed unexpectedly: {}", state.name(), e.toString(), e);
                }
            }
            drained = true;
        } finally {
            if (!drained) {
                // An Error escaped: free the environment, so that the next trigger starts a run again.
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
