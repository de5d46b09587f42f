package io.plumbline.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** Timers and a clock that move only when a test calls {@link #advance}: due tasks then run on the test's thread. */
final class ManualTimers implements Timers {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T12:00:00Z"));
    private final List<Entry> entries = new ArrayList<>();
    private boolean closed;

    private record Entry(Instant due, Runnable task, AtomicBoolean cancelled) {
    }

    @Override
    public synchronized Task schedule(Duration delay, Runnable task) {
        if (closed) {
            return Task.NONE;
        }
        Entry entry = new Entry(now.get().plus(delay), task, new AtomicBoolean());
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
        Instant until = now.get().plus(by);
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
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    private synchronized Optional<Entry> nextDue(Instant until) {
        entries.removeIf(e -> e.cancelled().get());
        Optional<Entry> next = entries.stream().filter(e -> !e.due().isAfter(until))
                .min(Comparator.comparing(Entry::due));
        next.ifPresent(entries::remove);
        return next;
    }
}
