package io.plumbline.render.haproxy;

import io.plumbline.model.spec.Durations;

/** Writes environment durations ({@code 1h30m}) in the single-unit form HAProxy reads ({@code 90m}). */
final class HaproxyTime {
    private static final long[] MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    private static final String[] UNITS = {"d", "h", "m", "s", "ms"};

    private HaproxyTime() {
    }

    /** The largest unit that states the duration exactly. */
    static String of(String duration) {
        long ms = Durations.parse(duration).toMillis();
        for (int i = 0; i < MILLIS.length - 1; i++) {
            if (ms > 0 && ms % MILLIS[i] == 0) {
                return ms / MILLIS[i] + UNITS[i];
            }
        }
        return ms + "ms";
    }
}
