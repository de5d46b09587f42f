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
 * replaced whole by a merge patch, so they are leaves).
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
            if (d == null) {
                out.add(child);
            } else if (e.getValue() instanceof Map<?, ?> sub) {
                @SuppressWarnings("unchecked")
                Map<String, Object> subtree = (Map<String, Object>) sub;
                collect(subtree, d, a, child, out);
            }
        }
    }

    /**
     * A JSON merge patch that makes {@code current} match {@code desired}: the desired body, nulls for the fields
     * to remove, and the resourceVersion it was computed against, so a concurrent change is refused (409)
     * rather than overwritten.
     */
    static Map<String, Object> mergePatch(Map<String, Object> desired, Map<String, Object> current) {
        Map<String, Object> patch = annotate(desired);
        for (List<String> path : removed(desired, current)) {
            Map<String, Object> parent = patch;
            for (String key : path.subList(0, path.size() - 1)) {
                parent = Nodes.child(parent, key);
            }
            parent.put(path.get(path.size() - 1), null);
        }
        Object version = Nodes.at(current, "metadata", "resourceVersion");
        if (version != null) {
            Nodes.child(patch, "metadata").put("resourceVersion", version);
        }
        return patch;
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
            if (!ANNOTATION.equals(k)) {
                out.put(String.valueOf(k), v instanceof Map<?, ?> m && !m.isEmpty() ? tree(m) : 1);
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
