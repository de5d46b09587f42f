package io.plumbline.provider.kubernetes;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes resource quantities ({@code 60m}, {@code 1}, {@code 64M}, {@code 128Mi}, {@code 1e3}) as exact numbers. */
final class Quantity {
    private static final Pattern GRAMMAR =
            Pattern.compile("^([+-]?[0-9]*\\.?[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$");
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)), Map.entry("Ei", BigDecimal.valueOf(1L << 60)),
            Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")), Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")), Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")), Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")));

    private Quantity() {
    }

    /**
     * The value in one canonical spelling, so that {@code 1000m} and {@code 1}, or {@code 64M} and
     * {@code 64000000}, compare equal; anything that is not a quantity is returned as it is.
     */
    static Object canonical(Object value) {
        if (!(value instanceof String || value instanceof Number)) {
            return value;
        }
        Matcher m = GRAMMAR.matcher(value.toString().trim());
        if (!m.matches()) {
            return value;
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String suffix = m.group(2);
        if (suffix != null && (suffix.startsWith("e") || suffix.startsWith("E"))) {
            number = number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
        } else if (suffix != null) {
            number = number.multiply(SUFFIXES.get(suffix));
        }
        return number.stripTrailingZeros().toPlainString();
    }
}
