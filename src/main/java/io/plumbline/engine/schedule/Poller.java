package io.plumbline.engine.schedule;

import io.plumbline.metrics.Metrics;
import io.plumbline.source.GitFetchException;
import io.plumbline.source.GitSource;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the configuration repository at an interval with jitter (so many instances do not fetch in step)
 * and hands each new head of the environment branch over (it never reconciles itself, so it never waits on one).
 * A webhook calls {@link #wake()} to poll at once.
 * A failed fetch is counted and logged; the last good commit stays in force. Anything else that escapes a poll, an
 * Error included, is logged with its stack and counted, and readiness says so until a poll goes through.
 */
public final class Poller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

    private final GitSource source;
    private final HeadsHandler handler;
    private final Metrics metrics;
    private final Supplier<Duration> interval;
    private final double jitter;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "plumbline-poller");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean fetchedOnce = new AtomicBoolean();
    private final Map<String, String> plannedPullRequests = new ConcurrentHashMap<>();
    private volatile String lastHandedOver;
    /** Why the last poll failed unexpectedly, or empty. */
    private volatile String failure = "";

    /** @param jitter the share of the interval by which each wait may vary, 0 to 1 */
    /** @param interval asked before each wait, so environments can shorten it as they are loaded */
    public Poller(GitSource source, HeadsHandler handler, Metrics metrics, Supplier<Duration> interval, double jitter) {
        this.source = source;
        this.handler = handler;
        this.metrics = metrics;
        this.interval = interval;
        this.jitter = jitter;
    }

    public void start() {
        timer.schedule(this::tick, 0, TimeUnit.MILLISECONDS);
    }

    /** Poll now (a push webhook arrived); the regular schedule goes on. */
    public void wake() {
        timer.execute(() -> pollOnce(Trigger.WEBHOOK));
    }

    private void tick() {
        try {
            pollOnce(Trigger.POLL);
        } finally {
            if (!timer.isShutdown()) {
                timer.schedule(this::tick, nextDelay().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    Duration nextDelay() {
        double factor = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * jitter;
        return Duration.ofMillis(Math.max(100, (long) (interval.get().toMillis() * factor)));
    }

    /** Fetches, then hands over a new branch head and new pull-request heads. Never throws. */
    public void pollOnce(Trigger trigger) {
        try {
            GitSource.Heads heads = source.fetch();
            fetchedOnce.set(true);
            if (!heads.branchHead().equals(lastHandedOver)) {
                handler.branch(source.at(heads.branchHead(), source.branch()), trigger);
                lastHandedOver = heads.branchHead();
            }
            plannedPullRequests.keySet().retainAll(heads.pullRequests().keySet());
            for (Map.Entry<String, String> pr : heads.pullRequests().entrySet()) {
                if (!pr.getValue().equals(plannedPullRequests.get(pr.getKey()))) {
                    handler.pullRequest(source.at(pr.getValue(), pr.getKey()));
                    plannedPullRequests.put(pr.getKey(), pr.getValue());
                }
            }
            failure = "";
        } catch (GitFetchException e) {
            metrics.gitFetchFailed();
            LOG.warn("{}; keeping the last good commit {}", e.getMessage(),
                    Optional.ofNullable(lastHandedOver).orElse("(none yet)"));
        } catch (Throwable e) {
            // The head is handed over again at the next poll (it was not marked handed over).
            failure = "polling " + source.branch() + " failed unexpectedly: " + e;
            Faults.report("poll", metrics, e);
        }
    }

    /** Ready once the repository has been fetched at least once, and the last poll did not fail unexpectedly. */
    public boolean ready() {
        return fetchedOnce.get() && failure.isEmpty();
    }

    /** Why {@link #ready} is false, or empty. */
    public String notReadyBecause() {
        return !fetchedOnce.get() ? "the repository has not been fetched yet" : failure;
    }

    /** The branch head last handed over for reconciling. */
    public Optional<String> lastHandedOver() {
        return Optional.ofNullable(lastHandedOver);
    }

    /** Stops polling and waits (briefly) for a poll under way, so nothing is handed on after shutdown. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
