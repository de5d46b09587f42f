package io.plumbline.render.haproxy;

import io.plumbline.model.spec.haproxy.Migration;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weights that send a share of a backend's traffic to a migration's {@code to} servers, and the share that live
 * weights send there. Every server of a group gets the same weight; the two weights are chosen so that the groups'
 * totals stand as {@code percent : 100 - percent}, in the smallest whole numbers HAProxy takes (at most 256).
 */
public final class MigrationWeights {
    /** The highest weight HAProxy accepts. */
    static final int MAX = 256;

    private MigrationWeights() {
    }

    /** Server name to weight when {@code percent} of the traffic goes to the {@code to} group. */
    public static Map<String, Integer> at(Migration migration, int percent) {
        long to = (long) percent * migration.from().size();
        long from = (long) (100 - percent) * migration.to().size();
        if (to == 0 || from == 0) {
            // One group takes everything: the other's servers get weight 0, so they serve nothing new.
            to = Long.signum(to);
            from = Long.signum(from);
        } else {
            long gcd = BigInteger.valueOf(to).gcd(BigInteger.valueOf(from)).longValue();
            to /= gcd;
            from /= gcd;
        }
        long largest = Math.max(to, from);
        if (largest > MAX) {
            // Rounded into HAProxy's range: the share is then the nearest one it can express.
            to = Math.max(1, Math.round(to * (double) MAX / largest));
            from = Math.max(1, Math.round(from * (double) MAX / largest));
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (String server : migration.from()) {
            weights.put(server, (int) from);
        }
        for (String server : migration.to()) {
            weights.put(server, (int) to);
        }
        return weights;
    }

    /**
     * The whole percentage of the traffic that {@code weights} (server name to weight) send to the {@code to} group;
     * 0 when no server of either group has weight (or is known).
     */
    public static int share(Migration migration, Map<String, Integer> weights) {
        long to = migration.to().stream().mapToLong(s -> weights.getOrDefault(s, 0)).sum();
        long from = migration.from().stream().mapToLong(s -> weights.getOrDefault(s, 0)).sum();
        return to + from == 0 ? 0 : (int) Math.round(100.0 * to / (to + from));
    }
}
