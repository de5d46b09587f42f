package io.plumbline.provider.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.diff.TreeDiff;
import io.plumbline.render.kubernetes.Nodes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side apply's own record of who owns which field of an object ({@code metadata.managedFields}, in the
 * {@code FieldsV1} format: {@code f:name} for a field, {@code k:{...}} for a list entry by its merge key,
 * {@code v:value} for a set member). Plumbline owns what its field manager last applied, no more.
 */
final class ManagedFields {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bounded: the keys seen are those of the objects' lists, few and repeated; past the bound it starts over. */
    private static final int MAX_PARSED_KEYS = 10_000;
    private static final Map<String, Map<String, Object>> PARSED_KEYS = new ConcurrentHashMap<>();

    private ManagedFields() {
    }

    /** The fields {@code manager} owns through apply, or null when it never applied this object. */
    static Map<String, Object> appliedBy(Map<String, Object> live, String manager) {
        for (Map<String, Object> entry : entries(live)) {
            if (manager.equals(entry.get("manager")) && "Apply".equals(entry.get("operation"))
                    && entry.get("subresource") == null) {
                return fields(entry);
            }
        }
        return null;
    }

    /** Every other manager's fields of the object itself (not of its status), by manager name. */
    static Map<String, Map<String, Object>> others(Map<String, Object> live, String manager) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> entry : entries(live)) {
            Object name = entry.get("manager");
            if (name != null && !manager.equals(name) && entry.get("subresource") == null) {
                out.merge(name.toString(), fields(entry), (a, b) -> {
                    Map<String, Object> both = new LinkedHashMap<>(a);
                    both.putAll(b);
                    return both;
                });
            }
        }
        return out;
    }

    /** The subtree of a field, or null when not owned. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> field(Map<String, Object> fields, String name) {
        return fields != null && fields.get("f:" + name) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    /** The subtree of the list entry {@code element} (matched on the entry's merge key), or null when not owned. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> entry(Map<String, Object> listFields, Map<?, ?> element) {
        if (listFields == null || element == null) {
            return null;
        }
        for (Map.Entry<String, Object> e : listFields.entrySet()) {
            if (e.getKey().startsWith("k:") && e.getValue() instanceof Map<?, ?> sub && matches(key(e.getKey()), element)) {
                return (Map<String, Object>) sub;
            }
        }
        return null;
    }

    /**
     * The merge key of an entry: {@code k:{"name":"web"}} gives {@code {name: web}}, read-only. Each spelling is
     * parsed once, not on every comparison: the same few keys come back on every drift check of every object.
     */
    static Map<String, Object> key(String entry) {
        if (PARSED_KEYS.size() >= MAX_PARSED_KEYS) {
            PARSED_KEYS.clear();
        }
        return PARSED_KEYS.computeIfAbsent(entry, ManagedFields::parse);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String entry) {
        try {
            return Collections.unmodifiableMap(JSON.readValue(entry.substring(2), Map.class));
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    /** Whether a list element carries this merge key; a protocol left out is the default, TCP. */
    static boolean matches(Map<String, Object> key, Map<?, ?> element) {
        if (key.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Object> k : key.entrySet()) {
            Object value = element.get(k.getKey());
            boolean defaultProtocol = value == null && k.getKey().equals("protocol") && "TCP".equals(k.getValue());
            if (!defaultProtocol && !TreeDiff.sameValue(k.getValue(), value)) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> live) {
        Object list = Nodes.at(live, "metadata", "managedFields");
        return list instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(Map<String, Object> entry) {
        return entry.get("fieldsV1") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
