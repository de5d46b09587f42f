package io.plumbline.provider.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.render.kubernetes.Nodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which fields Plumbline set on an object the last time it wrote it, kept on the object in an annotation, as
 * {@code kubectl apply} keeps its last applied configuration. Only the field names are kept, never values, so
 * a Secret's data does not leak into its annotations. Knowing them lets a plan show, and a merge patch remove,
 * fields that the environment declared before and no longer does.
 *
 * <p>The tree maps each key to its subtree, or to {@code 1} for a value that is not a map (lists are
 * replaced whole when written, so they are leaves).
 */
final class AppliedFields {
    static final String ANNOTATION = "plumbline.io/applied-fields";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AppliedFields() {
    }

    /** A copy of {@code body} carrying the annotation that records its own fields. */
    static Map<String, Object> annotate(Map<String, Object> body) {
        Map<String, Object> out = Nodes.copy(body);
        Map<String, Object> annotations = Nodes.child(Nodes.child(out, "metadata"), "annotations");
        annotations.remove(ANNOTATION);
        String tree = write(tree(out));
        annotations.put(ANNOTATION, tree);
        return out;
    }

    /** Paths Plumbline set on {@code actual} earlier that {@code desired} no longer declares and that are still there. */
    static List<List<String>> removed(Map<String, Object> desired, Map<String, Object> actual) {
        List<List<String>> out = new ArrayList<>();
        collect(read(actual), desired, actual, new ArrayList<>(), out);
        return out;
    }

    private static void collect(Map<String, Object> tree, Object desired, Object actual, List<String> path,
                                List<List<String>> out) {
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            Object d = desired instanceof Map<?, ?> dm ? dm.get(e.getKey()) : null;
            Object a = actual instanceof Map<?, ?> am ? am.get(e.getKey()) : null;
            if (a == null) {
                continue;
            }
            List<String> child = new ArrayList<>(path);
            child.add(e.getKey());
            if (e.getValue() instanceof Map<?, ?> sub && a instanceof Map<?, ?>) {
                // descend even when the whole map is undeclared: only the fields Plumbline set are its to remove
                @SuppressWarnings("unchecked")
                Map<String, Object> subtree = (Map<String, Object>) sub;
                collect(subtree, d, a, child, out);
            } else if (d == null) {
                out.add(child);
            }
        }
    }

    /**
     * The object to write in place of {@code live} so that it matches {@code desired}: the live object with the
     * desired fields laid over it (maps merged, lists and values replaced) and the fields to remove taken out.
     * It keeps the live resourceVersion, so a concurrent change is refused (409) rather than overwritten.
     */
    static Map<String, Object> merged(Map<String, Object> desired, Map<String, Object> live) {
        Map<String, Object> out = Nodes.copy(live);
        for (List<String> path : removed(desired, live)) {
            Object parent = Nodes.at(out, path.subList(0, path.size() - 1).toArray(String[]::new));
            if (parent instanceof Map<?, ?> m) {
                m.remove(path.get(path.size() - 1));
            }
        }
        overlay(out, annotate(desired));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void overlay(Map<String, Object> target, Map<String, Object> source) {
        source.forEach((key, value) -> {
            if (value instanceof Map<?, ?> sub && target.get(key) instanceof Map<?, ?> existing) {
                overlay((Map<String, Object>) existing, (Map<String, Object>) sub);
            } else {
                target.put(key, value);
            }
        });
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static Map<String, Object> tree(Map<?, ?> body) {
        Map<String, Object> out = new LinkedHashMap<>();
        body.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                Map<String, Object> sub = tree(m);
                if (!sub.isEmpty()) {
                    out.put(String.valueOf(k), sub);
                }
            } else if (!ANNOTATION.equals(k)) {
                out.put(String.valueOf(k), 1);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Map<String, Object> actual) {
        Object text = Nodes.at(actual, "metadata", "annotations", ANNOTATION);
        if (!(text instanceof String s)) {
            return Map.of();
        }
        try {
            return JSON.readValue(s, Map.class);
        } catch (JsonProcessingException e) {
            // an annotation someone edited by hand: behave as if Plumbline had never written the object
            return Map.of();
        }
    }
}
