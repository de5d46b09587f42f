package io.plumbline.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts commit statuses in the background so a reconcile never waits on a Git host.
 *
 * <p>{@link #submit} only records the status and returns. One worker thread posts, per commit and context only
 * the latest submitted status (an unposted pending is replaced by the result that follows it), and only when it
 * differs from what was last posted there (remembered across restarts in the state folder). Network errors and
 * 5xx are retried with jittered backoff; a rate limit pauses all posts to the host for as long as it asks;
 * other 4xx answers are given up at once. Every status given up is logged and reported to {@code onGiveUp}
 * with the host's name (for a failure metric).
 */
public final class StatusPublisher implements AutoCloseable {
    public static final int REMEMBERED_STATUSES = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(StatusPublisher.class);

    private record Queued(CommitStatus status, int failedAttempts, long dueNanos) {
    }

    private final StatusReporter reporter;
    private final PostedStatuses posted;
    private final RetryPolicy retry;
    private final Consumer<String> onGiveUp;
    private final Thread worker;
    /** Waiting statuses by slot (commit and context); guarded by {@code this}. */
    private final LinkedHashMap<String, Queued> queue = new LinkedHashMap<>();
    private long pausedUntilNanos = System.nanoTime();
    private boolean posting;
    private boolean closed;

    /**
     * @param stateFolder where the memory of posted statuses lives (created if missing)
     * @param onGiveUp    told the host's name for every status given up; must not block
     */
    public StatusPublisher(StatusReporter reporter, Path stateFolder, RetryPolicy retry, Consumer<String> onGiveUp) {
        this.reporter = reporter;
        this.posted = new PostedStatuses(stateFolder, REMEMBERED_STATUSES);
        this.retry = retry;
        this.onGiveUp = onGiveUp;
        this.worker = new Thread(this::run, "plumbline-status-" + reporter.host());
        worker.setDaemon(true);
        worker.start();
    }

    /** Queues a status for posting and returns at once; never throws for a host's trouble. */
    public synchronized void submit(CommitStatus status) {
        if (closed) {
            LOG.debug("Publisher closed; not posting {} on {}", status.context(), status.commit());
            return;
        }
        if (posted.alreadyPosted(status)) {
            // The host already shows this; anything older still waiting for the slot is now stale.
            queue.remove(status.slot());
            return;
        }
        Queued waiting = queue.get(status.slot());
        if (waiting == null || !waiting.status().equals(status)) {
            queue.put(status.slot(), new Queued(status, 0, System.nanoTime()));
            notifyAll();
        }
    }

    /** How many statuses are not yet posted nor given up: queued, being posted, or waiting for a retry. */
    public synchronized int waiting() {
        return queue.size() + (posting ? 1 : 0);
    }

    /** How many statuses wait for another attempt after a failed one (a host down, a timeout, a rate limit). */
    public synchronized int retrying() {
        return (int) queue.values().stream().filter(q -> q.failedAttempts() > 0).count();
    }

    /** Stops the worker; statuses still waiting are dropped (the next reconcile submits fresh ones). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Queued next;
        while ((next = takeDue()) != null) {
            attempt(next);
            synchronized (this) {
                posting = false;
            }
        }
    }

    private synchronized Queued takeDue() {
        while (!closed) {
            Queued earliest = queue.values().stream()
                    .min(Comparator.comparingLong(q -> q.dueNanos() - pausedUntilNanos)).orElse(null);
            try {
                if (earliest == null) {
                    wait();
                    continue;
                }
                long readyAt = earliest.dueNanos() - pausedUntilNanos > 0 ? earliest.dueNanos() : pausedUntilNanos;
                long waitNanos = readyAt - System.nanoTime();
                if (waitNanos <= 0) {
                    posting = true;
                    return queue.remove(earliest.status().slot());
                }
                TimeUnit.NANOSECONDS.timedWait(this, waitNanos);
            } catch (InterruptedException e) {
                return null;
            }
        }
        return null;
    }

    private void attempt(Queued queued) {
        CommitStatus status = queued.status();
        if (posted.alreadyPosted(status)) {
            return;
        }
        try {
            reporter.post(status);
            posted.remember(status);
            LOG.info("Posted {} {} on {} to {}", status.context(), status.state().label(), status.commit(),
                    reporter.host());
        } catch (StatusException e) {
            failed(queued, e);
        } catch (RuntimeException | Error e) {
            // A reporter's bug must not end the worker (an Error would, and every later status would wait for ever);
            // the same input would fail again, so give it up: logged with its stack here, counted as given up.
            LOG.error("posting {} on {} to {} failed unexpectedly", status.context(), status.commit(), reporter.host(), e);
            failed(queued, StatusException.permanent(e.toString()));
        }
    }

    private void failed(Queued queued, StatusException e) {
        CommitStatus status = queued.status();
        int failures = queued.failedAttempts() + 1;
        if (e.kind() == StatusException.Kind.PERMANENT || failures >= retry.maxAttempts()) {
            LOG.error("Gave up posting {} {} on {} to {} after {} attempt(s): {}", status.context(),
                    status.state().label(), status.commit(), reporter.host(), failures, e.getMessage());
            onGiveUp.accept(reporter.host());
            return;
        }
        boolean limited = e.kind() == StatusException.Kind.RATE_LIMITED;
        Duration delay = limited ? retry.rateLimitWait(e.retryAfter().orElse(null), failures) : retry.backoff(failures);
        LOG.warn("Posting {} {} on {} to {} failed ({}); retrying in {} ms", status.context(), status.state().label(),
                status.commit(), reporter.host(), e.getMessage(), delay.toMillis());
        synchronized (this) {
            long due = System.nanoTime() + delay.toNanos();
            if (limited) {
                pausedUntilNanos = due;
            }
            // A newer status for the same slot supersedes this one.
            if (!closed && !queue.containsKey(status.slot())) {
                queue.put(status.slot(), new Queued(status, failures, due));
            }
            notifyAll();
        }
    }
}
