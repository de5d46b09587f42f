package io.plumbline.model;

import java.util.Collection;
import java.util.Comparator;

/** The health of an applied object, or the worst of several. */
public record Health(Status status, String reason) {
    public static final Health HEALTHY = new Health(Status.HEALTHY, "");
    /** A reconcile that stopped before it could look (a target that could not be read): nothing is claimed. */
    public static final Health NOT_OBSERVED = new Health(Status.UNKNOWN,
            "not observed: the reconcile stopped before health was read");

    /** Ordered from best to worst: the health of a set is the worst of its members. */
    public enum Status { HEALTHY, PROGRESSING, UNKNOWN, DEGRADED }

    public static Health progressing(String reason) {
        return new Health(Status.PROGRESSING, reason);
    }

    public static Health degraded(String reason) {
        return new Health(Status.DEGRADED, reason);
    }

    public static Health unknown(String reason) {
        return new Health(Status.UNKNOWN, reason);
    }

    public boolean isHealthy() {
        return status == Status.HEALTHY;
    }

    public static Health worst(Collection<Health> all) {
        return all.stream().max(Comparator.comparing(Health::status)).orElse(HEALTHY);
    }
}
