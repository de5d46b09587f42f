package io.plumbline.load;

import io.plumbline.model.spec.CronSchedule;
import io.plumbline.model.spec.Sync;
import io.plumbline.model.spec.SyncWindow;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** Checks the sync windows beyond their shape: cron ranges, a known time zone, at most a week long. */
final class SyncChecks {
    /** The longest window: each check looks this far back for an opening. */
    static final Duration LONGEST_WINDOW = Duration.ofDays(7);

    private SyncChecks() {
    }

    static void check(Sync sync, Checks checks) {
        for (int i = 0; i < sync.windows().size(); i++) {
            SyncWindow w = sync.windows().get(i);
            String at = "/spec/sync/windows/" + i;
            Optional<String> cron = Cron.check(w.schedule());
            if (cron.isEmpty()) {
                try {
                    new CronSchedule(w.schedule());
                } catch (IllegalArgumentException e) {
                    cron = Optional.of(e.getMessage() + " in '" + w.schedule() + "'");
                }
            }
            cron.ifPresent(m -> checks.at(at + "/schedule", m));
            try {
                ZoneId.of(w.timeZone());
            } catch (DateTimeException e) {
                checks.at(at + "/timeZone", "unknown time zone '" + w.timeZone() + "'");
            }
            if (w.length().compareTo(LONGEST_WINDOW) > 0 || w.length().toMinutes() < 1) {
                checks.at(at + "/duration", "a window lasts from 1m to 7d, not " + w.duration());
            }
        }
    }
}
