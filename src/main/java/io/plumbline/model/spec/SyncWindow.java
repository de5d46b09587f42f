package io.plumbline.model.spec;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A time in which automatic applies are allowed or denied, as Argo CD's sync windows: it opens at each minute
 * {@code schedule} matches (in {@code timeZone}) and stays open for {@code duration}.
 *
 * @param kind     {@code allow} or {@code deny}
 * @param schedule a five-field cron expression
 * @param duration how long the window stays open, such as 1h
 * @param timeZone an IANA time zone (default UTC)
 */
public record SyncWindow(String kind, String schedule, String duration, String timeZone) {

    public SyncWindow {
        timeZone = timeZone == null ? "UTC" : timeZone;
    }

    public boolean deny() {
        return kind.equals("deny");
    }

    public Duration length() {
        return Durations.parse(duration);
    }

    /** Whether the window is open at {@code t}: it opened at most {@code duration} ago. */
    public boolean openAt(Instant t) {
        return !openings(t.minus(length()).plusNanos(1), t.plusNanos(1)).isEmpty();
    }

    /** As messages and the page name it: {@code deny "0 17 * * FRI" for 63h (Europe/Berlin)}. */
    public String label() {
        return kind + " \"" + schedule + "\" for " + duration + " (" + timeZone + ")";
    }

    /** Each minute in {@code [from, to)} at which the window opens. */
    public List<Instant> openings(Instant from, Instant to) {
        CronSchedule cron = new CronSchedule(schedule);
        ZoneId zone = ZoneId.of(timeZone);
        List<Instant> out = new ArrayList<>();
        Instant first = from.truncatedTo(ChronoUnit.MINUTES);
        for (Instant t = first.isBefore(from) ? first.plus(1, ChronoUnit.MINUTES) : first; t.isBefore(to);
                t = t.plus(1, ChronoUnit.MINUTES)) {
            if (cron.matches(ZonedDateTime.ofInstant(t, zone))) {
                out.add(t);
            }
        }
        return out;
    }
}
