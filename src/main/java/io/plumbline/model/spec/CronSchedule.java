package io.plumbline.model.spec;

import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week) that tells whether a minute matches:
 * lists, ranges, steps, {@code *}, and three-letter month and day names. As in cron, when both day fields are
 * restricted a day matches either. The loader has checked the expression's shape and ranges.
 */
public final class CronSchedule {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    /** @throws IllegalArgumentException when a field holds what it cannot take, such as a day name as an hour */
    public CronSchedule(String expression) {
        String[] f = expression.trim().split(" +");
        if (f.length != 5) {
            throw new IllegalArgumentException("a cron expression has five fields: '" + expression + "'");
        }
        minutes = field(f[0], 0, 59, List.of(), 0);
        hours = field(f[1], 0, 23, List.of(), 0);
        daysOfMonth = field(f[2], 1, 31, List.of(), 0);
        months = field(f[3], 1, 12, MONTHS, 1);
        daysOfWeek = field(f[4], 0, 7, DAYS, 0);
        if (daysOfWeek.get(7)) {
            daysOfWeek.set(0);
        }
        anyDayOfMonth = f[2].startsWith("*");
        anyDayOfWeek = f[4].startsWith("*");
    }

    /** Whether the minute of {@code time} (in its own zone) matches. */
    public boolean matches(ZonedDateTime time) {
        if (!minutes.get(time.getMinute()) || !hours.get(time.getHour()) || !months.get(time.getMonthValue())) {
            return false;
        }
        boolean dom = daysOfMonth.get(time.getDayOfMonth());
        boolean dow = daysOfWeek.get(time.getDayOfWeek().getValue() % 7);
        if (anyDayOfMonth || anyDayOfWeek) {
            return dom && dow;
        }
        return dom || dow;
    }

    private static BitSet field(String text, int min, int max, List<String> names, int firstName) {
        BitSet set = new BitSet(max + 1);
        for (String item : text.split(",")) {
            String[] stepped = item.split("/", 2);
            int step = stepped.length == 2 ? value(stepped[1], List.of(), 0) : 1;
            int from;
            int to;
            if (stepped[0].equals("*")) {
                from = min;
                to = max;
            } else {
                String[] range = stepped[0].split("-", 2);
                from = value(range[0], names, firstName);
                to = range.length == 2 ? value(range[1], names, firstName) : stepped.length == 2 ? max : from;
            }
            for (int v = from; v <= to && v <= max; v += Math.max(step, 1)) {
                set.set(v);
            }
        }
        return set;
    }

    private static int value(String text, List<String> names, int firstName) {
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return named + firstName;
        }
        if (!text.matches("[0-9]{1,2}")) {
            throw new IllegalArgumentException("'" + text + "' is not a number"
                    + (names.isEmpty() ? "" : " or a name") + " this field takes");
        }
        return Integer.parseInt(text);
    }
}
