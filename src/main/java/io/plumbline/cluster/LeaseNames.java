package io.plumbline.cluster;

import java.util.Locale;
import java.util.Map;

/**
 * Names and marks of the fleet's Leases: {@code plumbline-env-<environment>} (held by the replica that reconciles
 * it) and {@code plumbline-member-<replica>} (one per live replica), labelled so one list finds them all.
 */
final class LeaseNames {
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String ROLE = "plumbline.io/lease";
    static final String ENVIRONMENT = "environment";
    static final String MEMBER = "member";
    static final String SELECTOR = MANAGED_BY + "=plumbline," + ROLE + " in (" + ENVIRONMENT + "," + MEMBER + ")";
    private static final String ENV_PREFIX = "plumbline-env-";
    private static final String MEMBER_PREFIX = "plumbline-member-";

    private LeaseNames() {
    }

    static String environment(String environment) {
        return ENV_PREFIX + environment;
    }

    /** A replica's Lease; its name made a valid object name (the identity itself is kept as the holder). */
    static String member(String identity) {
        String name = (MEMBER_PREFIX + identity.toLowerCase(Locale.ROOT)).replaceAll("[^a-z0-9.-]", "-");
        name = name.length() > 253 ? name.substring(0, 253) : name;
        return name.replaceAll("[.-]+$", "");
    }

    static Map<String, String> labels(String role) {
        return Map.of(MANAGED_BY, "plumbline", ROLE, role);
    }

    /** The environment a Lease stands for, or null for a member's Lease. */
    static String environmentOf(String leaseName) {
        return leaseName.startsWith(ENV_PREFIX) ? leaseName.substring(ENV_PREFIX.length()) : null;
    }

    static boolean isMember(String leaseName) {
        return leaseName.startsWith(MEMBER_PREFIX);
    }
}
