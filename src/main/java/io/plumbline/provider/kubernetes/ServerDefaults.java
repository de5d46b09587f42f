package io.plumbline.provider.kubernetes;

import java.util.Map;

/**
 * What the API server fills in for a field left out, where Plumbline must know it: a field Plumbline applied and no
 * longer declares, which the server then holds at this default, is no removal (the stored object does not change,
 * as a dry run would answer, and without this every plan would ask one). Used on that side only: a field the
 * environment declares is compared as declared, so a default changed by hand is drift.
 */
final class ServerDefaults {
    private ServerDefaults() {
    }

    /** Whether {@code value} of {@code field} in {@code parent} (a container, a port) is what the server fills in. */
    static boolean is(Map<?, ?> parent, String field, Object value) {
        return switch (field) {
            case "protocol" -> "TCP".equals(value);
            case "imagePullPolicy" -> parent.get("image") instanceof String image && pullPolicy(image).equals(value);
            default -> false;
        };
    }

    /** The kubelet pulls {@code :latest} and untagged images always, tagged or pinned ones only when missing. */
    static String pullPolicy(String image) {
        if (image.contains("@")) {
            return "IfNotPresent";
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        boolean tagged = colon > slash;
        return !tagged || image.endsWith(":latest") ? "Always" : "IfNotPresent";
    }
}
