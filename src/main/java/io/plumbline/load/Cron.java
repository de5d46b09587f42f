package io.plumbline.load;

import java.util.Optional;

/** Checks the ranges of a five-field cron expression; the schema has already checked its shape. */
final class Cron {
    private static final String[] FIELDS = {"minute", "hour", "day of month", "month", "day of week"};
    private static final int[][] RANGES = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};

    private Cron() {
    }

    /** Empty when valid, else what is wrong. */
    static Optional<String> check(String expression) {
        String[] fields = expression.trim().split(" ");
        for (int i = 0; i < fields.length && i < FIELDS.length; i++) {
            for (String part : fields[i].split("[,/-]")) {
                if (part.isEmpty()) {
                    return Optional.of("empty " + FIELDS[i] + " field in '" + expression + "'");
                }
                if (part.matches("[0-9]+")) {
                    int n = Integer.parseInt(part);
                    boolean step = fields[i].contains("/" + part);
                    if (!step && (n < RANGES[i][0] || n > RANGES[i][1])) {
                        return Optional.of(FIELDS[i] + " " + n + " is out of range " + RANGES[i][0] + "-"
                                + RANGES[i][1] + " in '" + expression + "'");
                    }
                } else if (!part.equals("*") && !part.matches("[A-Za-z]{3}")) {
                    return Optional.of("'" + part + "' is not valid in the " + FIELDS[i] + " field of '"
                            + expression + "'");
                }
            }
        }
        return Optional.empty();
    }
}
