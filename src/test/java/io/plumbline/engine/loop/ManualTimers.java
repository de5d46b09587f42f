package io.plumbline.engine.loop;

import io.plumbline.engine.schedule.Timers;
import io.plumbline.testing.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** Timers and a clock that move only when a test calls {@link #advance}: due tasks then run on the test's thread. */
final class ManualTimers implements Timers {
    private final ManualClock now = new ManualClock(Instant.parse("2026-11-29T12:00:00Z"));
    private final List<Entry> entries = new ArrayList<>();
    private boolean closed;
    private Runnable beforeNextSchedule;

    private record Entry(Instant due, Runnable task, AtomicBoolean cancelled) {
    }

    /**
     * Runs {@code step} inside the next call to {@link #schedule}, before it schedules: what another thread may do at
     * that very moment (a commit handed over while a timer fires and schedules its next tick).
     */
    synchronized void beforeNextSchedule(Runnable step) {
        beforeNextSchedule = step;
    }

    @Override
    public synchronized Task schedule(Duration delay, Runnable task) {
        Runnable step = beforeNextSchedule;
        beforeNextSchedule = null;
        if (step != null) {
            step.run();
        }
        if (closed) {
            return Task.NONE;
        }
        Entry entry = new Entry(now.instant().plus(delay), task, new AtomicBoolean());
        entries.add(entry);
        return () -> entry.cancelled().set(true);
    }

    @Override
    public synchronized void close() {
        closed = true;
        entries.clear();
    }

    /** Moves time forward, running every task that falls due on the way, in order. */
    void advance(Duration by) {
        Instant until = now.instant().plus(by);
        for (Optional<Entry> next = nextDue(until); next.isPresent(); next = nextDue(until)) {
            now.set(next.get().due());
            next.get().task().run();
        }
        now.set(until);
    }

    /** Tasks scheduled and neither run nor cancelled. */
    synchronized long pending() {
        return entries.stream().filter(e -> !e.cancelled().get()).count();
    }

    Clock clock() {
        return now;
    }

    private synchronized Optional<Entry> nextDue(Instant until) {
        entries.removeIf(e -> e.cancelled().get());
        Optional<Entry> next = entries.stream().filter(e -> !e.due().isAfter(until))
                .min(Comparator.comparing(Entry::due));
        next.ifPresent(entries::remove);
        return next;
    }
}
