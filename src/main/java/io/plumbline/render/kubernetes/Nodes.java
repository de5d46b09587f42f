package io.plumbline.render.kubernetes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds and reads the plain map trees that resource bodies are made of. */
public final class Nodes {
    private Nodes() {
    }

    /** An ordered map of the given key/value pairs; pairs whose value is null or empty are left out. */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null && !isEmpty(value)) {
                m.put((String) keysAndValues[i], value);
            }
        }
        return m;
    }

    private static boolean isEmpty(Object value) {
        return value instanceof Map<?, ?> m && m.isEmpty() || value instanceof List<?> l && l.isEmpty();
    }

    /** {@code 1} as a number, {@code 25%} as text: the two spellings Kubernetes accepts for an int-or-string. */
    static Object intOrString(String value) {
        if (value == null) {
            return null;
        }
        return value.matches("[0-9]+") ? (Object) Integer.valueOf(value) : value;
    }

    /** A mutable deep copy of a tree of maps and lists. */
    @SuppressWarnings("unchecked")
    public static <T> T copy(T node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return (T) out;
        }
        if (node instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(copy(v)));
            return (T) out;
        }
        return node;
    }

    /**
     * A deep read-only view of a tree made of fresh maps and lists, built without copying: each map and list is
     * wrapped in place, so the tree must not be reachable in its mutable form from anywhere else. A change
     * anywhere in the result throws {@link UnsupportedOperationException}; {@link #copy} gives a mutable copy.
     */
    @SuppressWarnings("unchecked")
    public static <T> T readOnly(T node) {
        if (node instanceof Map<?, ?> m) {
            ((Map<Object, Object>) m).replaceAll((k, v) -> readOnly(v));
            return (T) Collections.unmodifiableMap(m);
        }
        if (node instanceof List<?> l) {
            ((List<Object>) l).replaceAll(Nodes::readOnly);
            return (T) Collections.unmodifiableList(l);
        }
        return node;
    }

    /** The value at a path of map keys, or null when any step is missing. */
    public static Object at(Map<String, Object> root, String... path) {
        Object node = root;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = m.get(key);
        }
        return node;
    }

    /** The map under {@code key}, created when missing. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> child(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
    }
}
