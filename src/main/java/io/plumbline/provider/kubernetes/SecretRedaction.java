package io.plumbline.provider.kubernetes;

import io.plumbline.model.FieldChange;
import java.util.Set;

/**
 * What of a Secret's field changes may be shown in a plan: only fields that cannot carry its values. Everything
 * else (data, stringData, and any annotation, such as a last-applied-configuration copy of the whole object) keeps
 * its path and loses its values.
 */
final class SecretRedaction {
    static final String REDACTED = "(redacted)";
    private static final Set<String> SHOWN = Set.of("type", "immutable", "metadata.name", "metadata.namespace");
    private static final String LABELS = "metadata.labels";

    private SecretRedaction() {
    }

    static FieldChange redacted(FieldChange f) {
        boolean shown = SHOWN.contains(f.path()) || f.path().equals(LABELS) || f.path().startsWith(LABELS + ".");
        if (shown) {
            return f;
        }
        return new FieldChange(f.path(), f.wanted() == null ? null : REDACTED, f.found() == null ? null : REDACTED);
    }
}
