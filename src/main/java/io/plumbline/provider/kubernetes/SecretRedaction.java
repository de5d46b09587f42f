package io.plumbline.provider.kubernetes;

import io.plumbline.model.FieldChange;
import io.plumbline.render.kubernetes.SecretEnvRender;
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

    /**
     * A change of the digest of an application's secret references (on its Secret or its Pod template) as
     * {@code secret changed (sha256:1a2b3c4d)}: the new digest's first 8 characters, which say which secret, not what
     * it holds; a redacted one is kept as it is shown.
     */
    static FieldChange digestShown(FieldChange f) {
        boolean digest = SecretEnvRender.annotations().stream().anyMatch(f.path()::endsWith);
        if (!digest) {
            return f;
        }
        return new FieldChange(f.path(), f.wanted() == null ? null : SecretEnvRender.shown(f.wanted()),
                f.found() == null ? null : String.valueOf(f.found()).startsWith("sha256:")
                        ? String.valueOf(f.found()).substring(0, Math.min(15, String.valueOf(f.found()).length()))
                        : f.found());
    }

    static FieldChange redacted(FieldChange f) {
        if (SecretEnvRender.annotations().stream().anyMatch(f.path()::endsWith)) {
            return f;
        }
        boolean shown = SHOWN.contains(f.path()) || f.path().equals(LABELS) || f.path().startsWith(LABELS + ".");
        if (shown) {
            return f;
        }
        return new FieldChange(f.path(), f.wanted() == null ? null : REDACTED, f.found() == null ? null : REDACTED);
    }
}
