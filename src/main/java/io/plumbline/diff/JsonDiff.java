package io.plumbline.diff;

import io.plumbline.model.FieldChange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two JSON documents on both sides, field by field: a key only one side has is a difference, and lists are
 * compared element by element with the longer list's tail added or removed. For documents that are the whole
 * value (IAM policies), where {@link TreeDiff}'s "only what is declared" would miss a statement or condition added
 * by hand. Both documents should be in one canonical form first, so spelling alone never differs.
 */
public final class JsonDiff {
    private JsonDiff() {
    }

    public static List<FieldChange> diff(String path, Object wanted, Object found) {
        List<FieldChange> out = new ArrayList<>();
        compare(path, wanted, found, out);
        return out;
    }

    private static void compare(String path, Object wanted, Object found, List<FieldChange> out) {
        if (wanted instanceof Map<?, ?> w && found instanceof Map<?, ?> f) {
            Set<Object> keys = new LinkedHashSet<>(w.keySet());
            keys.addAll(f.keySet());
            for (Object key : keys) {
                compare(path + "." + key, w.get(key), f.get(key), out);
            }
        } else if (wanted instanceof List<?> w && found instanceof List<?> f) {
            for (int i = 0; i < Math.max(w.size(), f.size()); i++) {
                compare(path + "[" + i + "]", i < w.size() ? w.get(i) : null, i < f.size() ? f.get(i) : null, out);
            }
        } else if (!TreeDiff.sameValue(wanted, found)) {
            out.add(new FieldChange(path, wanted, found));
        }
    }
}
