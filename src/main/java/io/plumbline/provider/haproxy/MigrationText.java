package io.plumbline.provider.haproxy;

import io.plumbline.model.spec.haproxy.Migration;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** What a migration by steps says: its progress, why it stopped, the steps to come, and its declaration's key. */
final class MigrationText {
    private MigrationText() {
    }

    /** {@code migrating: 25% → 50%, next check in 40 s}; at the last step {@code migrating: 100% (last step), ...}. */
    static String progress(List<Integer> steps, int step, Duration untilCheck) {
        long seconds = Math.max(0, (untilCheck.toMillis() + 999) / 1000);
        String where = step + 1 < steps.size() ? steps.get(step) + "% → " + steps.get(step + 1) + "%"
                : steps.get(step) + "% (last step)";
        return "migrating: " + where + ", next check in " + seconds + " s";
    }

    /** {@code migration aborted at 25%: <query> = 0.07 > 0.01} */
    static String aborted(Migration m, int percent, double value) {
        return "migration aborted at " + percent + "%: " + m.analysis().query() + " = " + number(value) + " > "
                + number(m.analysis().max());
    }

    static String noValue(Migration m, int percent) {
        return "migration aborted at " + percent + "%: " + m.analysis().query() + " gave no value";
    }

    static String unavailable(Migration m, int percent, String why) {
        return "migration aborted at " + percent + "%: " + why;
    }

    /** The steps from the one after {@code share} on, as a plan shows them: {@code 50% → 100%, each held 60s}. */
    static String stepsToCome(Migration m, int share) {
        List<Integer> rest = m.steps().stream().filter(s -> s > share).toList();
        return rest.stream().map(s -> s + "%").collect(Collectors.joining(" → ")) + ", each held " + m.hold()
                + " and checked every " + m.analysis().interval() + " (" + m.analysis().query() + " ≤ "
                + number(m.analysis().max()) + ")";
    }

    /** Everything that makes a migration what it is: a record of another declaration does not apply to it. */
    static String declaration(Migration m) {
        return m.from() + ">" + m.to() + " " + m.steps() + " hold " + m.hold() + " every " + m.analysis().interval()
                + " " + m.analysis().prometheus() + " " + m.analysis().query() + " <= " + number(m.analysis().max());
    }

    /** A value as a person reads it: at most 4 significant digits, no exponent, no trailing zeros. */
    static String number(double value) {
        if (Double.isInfinite(value) || Double.isNaN(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
