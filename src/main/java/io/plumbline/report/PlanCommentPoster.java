package io.plumbline.report;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes plan comments in the background, retried as commit statuses are ({@link StatusPublisher}): network errors
 * and 5xx with jittered backoff, a rate limit pauses every comment to the host for as long as it asks, other 4xx are
 * given up at once. Per pull request and environment only the newest text is written: an older one still waiting
 * or retrying is dropped. Every comment given up is logged and reported to {@code onGiveUp} with the host's name
 * (for a failure metric).
 */
public final class PlanCommentPoster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlanCommentPoster.class);

    private final CommentThread thread;
    private final String host;
    private final RetryPolicy retry;
    private final Consumer<String> onGiveUp;
    private final ScheduledExecutorService worker;
    /** The newest text per pull request and environment not yet written; guarded by {@code this}. */
    private final Map<String, String> newest = new HashMap<>();
    private long pausedUntilNanos = System.nanoTime();

    /** @param onGiveUp told the host's name for every comment given up; must not block */
    public PlanCommentPoster(CommentThread thread, String host, RetryPolicy retry, Consumer<String> onGiveUp) {
        this.thread = thread;
        this.host = host;
        this.retry = retry;
        this.onGiveUp = onGiveUp;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "plumbline-comments-" + host);
            t.setDaemon(true);
            return t;
        });
    }

    /** The pull request whose head the host names {@code ref}, or empty (see {@link CommentThread#pullRequest}). */
    public java.util.OptionalInt pullRequest(String ref) {
        return thread.pullRequest(ref);
    }

    /** Queues the environment's comment on the pull request and returns at once. */
    public void submit(int pullRequest, String environment, String markdown) {
        Comment comment = new Comment(pullRequest, environment, markdown);
        synchronized (this) {
            newest.put(comment.slot(), markdown);
        }
        worker.execute(() -> attempt(comment, 1));
    }

    /** How many comments are not yet written nor given up. */
    public synchronized int waiting() {
        return newest.size();
    }

    private void attempt(Comment comment, int attempt) {
        synchronized (this) {
            if (!comment.markdown().equals(newest.get(comment.slot()))) {
                return; // a newer text for the same comment is queued; it is written instead
            }
            long paused = pausedUntilNanos - System.nanoTime();
            if (paused > 0) {
                worker.schedule(() -> attempt(comment, attempt), paused, TimeUnit.NANOSECONDS);
                return;
            }
        }
        try {
            thread.upsert(comment.pullRequest(), comment.environment(), comment.markdown());
            done(comment);
            LOG.info("Wrote the plan comment for {} on pull request {} at {}", comment.environment(),
                    comment.pullRequest(), host);
        } catch (StatusException e) {
            failed(comment, attempt, e);
        } catch (RuntimeException e) {
            // a bug of a comment thread must not end the worker; the same text would fail again, so it is given up
            LOG.error("writing the plan comment for {} on pull request {} at {} failed unexpectedly",
                    comment.environment(), comment.pullRequest(), host, e);
            failed(comment, attempt, StatusException.permanent(e.toString()));
        }
    }

    private void failed(Comment comment, int attempt, StatusException e) {
        if (e.kind() == StatusException.Kind.PERMANENT || attempt >= retry.maxAttempts()) {
            LOG.error("Gave up writing the plan comment for {} on pull request {} at {} after {} attempt(s): {}",
                    comment.environment(), comment.pullRequest(), host, attempt, e.getMessage());
            done(comment);
            onGiveUp.accept(host);
            return;
        }
        boolean limited = e.kind() == StatusException.Kind.RATE_LIMITED;
        Duration delay = limited ? retry.rateLimitWait(e.retryAfter().orElse(null), attempt) : retry.backoff(attempt);
        LOG.warn("Writing the plan comment for {} on pull request {} at {} failed ({}); retrying in {} ms",
                comment.environment(), comment.pullRequest(), host, e.getMessage(), delay.toMillis());
        synchronized (this) {
            if (limited) {
                pausedUntilNanos = System.nanoTime() + delay.toNanos();
            }
        }
        worker.schedule(() -> attempt(comment, attempt + 1), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized void done(Comment comment) {
        newest.remove(comment.slot(), comment.markdown());
    }

    /** Stops the worker; comments still waiting are dropped (the next plan of the pull request writes them). */
    @Override
    public void close() {
        worker.shutdownNow();
    }

    private record Comment(int pullRequest, String environment, String markdown) {
        String slot() {
            return pullRequest + "/" + environment;
        }
    }
}
