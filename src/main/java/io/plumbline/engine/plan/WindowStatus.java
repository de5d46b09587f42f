package io.plumbline.engine.plan;

import io.plumbline.model.spec.SyncWindow;
import java.time.Instant;

/**
 * One of an environment's sync windows as the API and the page show it: as declared, and whether it is open now.
 *
 * @param label as messages name it, such as {@code deny "0 17 * * FRI" for 63h (Europe/Berlin)}
 */
public record WindowStatus(String kind, String schedule, String duration, String timeZone, String label,
                           boolean open) {

    public static WindowStatus at(SyncWindow window, Instant now) {
        return new WindowStatus(window.kind(), window.schedule(), window.duration(), window.timeZone(),
                window.label(), window.openAt(now));
    }
}
