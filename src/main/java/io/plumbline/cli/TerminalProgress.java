package io.plumbline.cli;

import io.plumbline.engine.plan.Progress;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One line on stderr, redrawn in place every second while an apply runs: the provider, what it waits for and how
 * long so far ({@code kubernetes: waiting for what it applied to be healthy (12s)}); wiped when the apply is over,
 * so only the result stays. Only on a terminal: on a pipe or in a file the output stays the result alone.
 */
final class TerminalProgress implements Progress, AutoCloseable {
    private static final String ERASE = "\r\u001b[K";
    private final PrintWriter err;
    private final Clock clock;
    private final boolean terminal;
    private final ScheduledExecutorService ticks;
    private String provider;
    private String what;
    private Instant since;

    /** @param terminal whether {@code err} is a terminal: nothing is drawn otherwise */
    TerminalProgress(PrintWriter err, Clock clock, boolean terminal) {
        this.err = err;
        this.clock = clock;
        this.terminal = terminal;
        this.ticks = terminal ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apply-progress");
            t.setDaemon(true);
            return t;
        }) : null;
        if (ticks != null) {
            ticks.scheduleAtFixedRate(this::draw, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** A progress line when the process runs on a terminal (stdin and stdout are one: a console), none otherwise. */
    static TerminalProgress forConsole(PrintWriter err) {
        return new TerminalProgress(err, Clock.systemUTC(), System.console() != null);
    }

    @Override
    public synchronized void step(String provider, String what) {
        this.provider = provider;
        this.what = what;
        this.since = clock.instant();
        draw();
    }

    @Override
    public synchronized void finished() {
        if (terminal && provider != null) {
            err.print(ERASE);
            err.flush();
        }
        provider = null;
    }

    /** The line as it reads now, or empty when nothing is awaited. */
    synchronized String line() {
        return provider == null ? "" : provider + ": " + what + " ("
                + Duration.between(since, clock.instant()).toSeconds() + "s)";
    }

    private synchronized void draw() {
        if (terminal && provider != null) {
            err.print(ERASE + line());
            err.flush();
        }
    }

    @Override
    public void close() {
        finished();
        if (ticks != null) {
            ticks.shutdownNow();
        }
    }
}
