package io.plumbline.diff;

import io.plumbline.model.FieldChange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a desired value tree with an actual one. Only what the desired side declares is compared:
 * fields the actual side has beyond it (set by the server, or by someone else's tool) are not differences.
 * Lists are compared element by element; a list of another length differs as a whole.
 */
public final class TreeDiff {
    private TreeDiff() {
    }

    public static List<FieldChange> diff(Map<String, Object> wanted, Map<String, Object> found) {
        return diff(wanted, found, Set.of());
    }

    /** As {@link #diff(Map, Map)}, with the named top-level fields compared whole, on both sides ({@link JsonDiff}). */
    public static List<FieldChange> diff(Map<String, Object> wanted, Map<String, Object> found, Set<String> documents) {
        List<FieldChange> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : wanted.entrySet()) {
            if (documents.contains(e.getKey())) {
                out.addAll(JsonDiff.diff(e.getKey(), e.getValue(), found.get(e.getKey())));
            } else {
                compare(e.getKey(), e.getValue(), found.get(e.getKey()), out);
            }
        }
        return out;
    }

    private static void compare(String path, Object wanted, Object found, List<FieldChange> out) {
        if (wanted instanceof Map<?, ?> w && found instanceof Map<?, ?> f) {
            for (Map.Entry<?, ?> e : w.entrySet()) {
                String child = path.isEmpty() ? String.valueOf(e.getKey()) : path + "." + e.getKey();
                compare(child, e.getValue(), f.get(e.getKey()), out);
            }
        } else if (wanted instanceof List<?> w && found instanceof List<?> f && w.size() == f.size()) {
            for (int i = 0; i < w.size(); i++) {
                compare(path + "[" + i + "]", w.get(i), f.get(i), out);
            }
        } else if (!sameValue(wanted, found)) {
            out.add(new FieldChange(path, wanted, found));
        }
    }

    /** Equal scalars, with numbers compared by value ({@code 1}, {@code 1L} and {@code 1.0} are the same). */
    public static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            // equal numbers of one type are the same value; only mixed spellings need the decimal comparison
            return x.equals(y) || new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return a == null ? b == null : a.equals(b);
    }
}
