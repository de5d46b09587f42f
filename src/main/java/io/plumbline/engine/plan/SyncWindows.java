package io.plumbline.engine.plan;

import io.plumbline.model.spec.SyncWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Whether an environment's sync windows let an apply through now, and if not, when they next will. An automatic
 * apply needs no deny window open and, when allow windows exist, one of them open; a manual one (API reconcile,
 * resume) only needs no deny window open: an operator may act outside the allow windows, never inside a deny one.
 */
public final class SyncWindows {
    /** How far ahead the next opening is looked for; beyond it the environment is checked again then. */
    static final Duration HORIZON = Duration.ofDays(7);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private SyncWindows() {
    }

    /** Empty when an apply may run at {@code now}; otherwise the first instant one may. */
    public static Optional<Instant> blockedUntil(List<SyncWindow> windows, Instant now, boolean manual) {
        List<SyncWindow> relevant = windows.stream().filter(w -> w.deny() || !manual).toList();
        if (relevant.isEmpty()) {
            return Optional.empty();
        }
        Instant end = now.plus(HORIZON);
        List<Open> deny = new ArrayList<>();
        List<Open> allow = new ArrayList<>();
        TreeSet<Instant> candidates = new TreeSet<>(List.of(now));
        for (SyncWindow w : relevant) {
            Duration length = w.length();
            for (Instant start : w.openings(now.minus(length), end)) {
                Open open = new Open(start, start.plus(length));
                (w.deny() ? deny : allow).add(open);
                candidates.add(open.from().isAfter(now) ? open.from() : now);
                candidates.add(open.to());
            }
        }
        boolean needsAllow = relevant.stream().anyMatch(w -> !w.deny());
        for (Instant t : candidates.headSet(end, false)) {
            if (deny.stream().noneMatch(o -> o.covers(t)) && (!needsAllow || allow.stream().anyMatch(o -> o.covers(t)))) {
                return t.equals(now) ? Optional.empty() : Optional.of(t);
            }
        }
        return Optional.of(end);
    }

    /**
     * Why a manual apply may not run at {@code now} ({@code plumbline apply}, as an API reconcile): the deny windows
     * open then, and until when; empty when none is open.
     */
    public static Optional<String> manualRefusal(List<SyncWindow> windows, Instant now) {
        List<String> open = windows.stream().filter(w -> w.deny() && w.openAt(now)).map(SyncWindow::label).toList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((open.size() == 1 ? "the sync window " : "the sync windows ") + String.join(", ", open)
                + (open.size() == 1 ? " is" : " are") + " open until "
                + time(blockedUntil(windows, now, true).orElse(now)));
    }

    /** An instant as statuses and the page show a window's time: {@code 2026-11-30 13:00 UTC}. */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    private record Open(Instant from, Instant to) {
        boolean covers(Instant t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }
}
