package io.plumbline.provider.kubernetes;

import io.plumbline.render.kubernetes.Nodes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Brings a desired or observed body to one spelling before they are compared: drops what the server sets
 * ({@code status}, uid, resourceVersion, generation, managedFields, creationTimestamp, which a manifest written by
 * a tool may carry), writes quantities canonically ({@code 1000m} = {@code 1}, {@code 64M} = {@code 64000000}), and
 * folds a Secret's {@code stringData} into {@code data} as the server does. Each spares a dry run of an unchanged
 * object on every plan (the server would store it as it is, so {@link DryRun} would turn the update back into a
 * no-op). Defaults the server fills in are not normalised away on both sides: a default the environment declares
 * is compared as declared, and one it stops declaring is judged by {@link ServerDefaults}.
 */
final class KubernetesNormaliser implements UnaryOperator<Map<String, Object>> {
    private static final Set<String> SERVER_METADATA = Set.of("uid", "resourceVersion", "generation",
            "managedFields", "creationTimestamp", "selfLink");
    /** Maps whose values are quantities: container resources, quotas, storage requests. */
    private static final Set<String> QUANTITY_MAPS = Set.of("requests", "limits", "hard", "capacity");

    /**
     * A normalised copy; {@code body} itself is only read (it may be a watch cache's shared, read-only tree). What
     * is dropped whole (status, managedFields) is not copied first.
     */
    @Override
    public Map<String, Object> apply(Map<String, Object> body) {
        Map<String, Object> out = new LinkedHashMap<>();
        body.forEach((key, value) -> {
            if (key.equals("metadata") && value instanceof Map<?, ?> metadata) {
                out.put(key, withoutServerFields(metadata));
            } else if (!key.equals("status")) {
                out.put(key, Nodes.copy(value));
            }
        });
        foldStringData(out);
        walk(out);
        return out;
    }

    private static Map<String, Object> withoutServerFields(Map<?, ?> metadata) {
        Map<String, Object> out = new LinkedHashMap<>();
        metadata.forEach((key, value) -> {
            if (!SERVER_METADATA.contains(String.valueOf(key))) {
                out.put(String.valueOf(key), Nodes.copy(value));
            }
        });
        return out;
    }

    /** The server folds a Secret's {@code stringData} into {@code data}, base64-encoded; so does the comparison. */
    @SuppressWarnings("unchecked")
    private static void foldStringData(Map<String, Object> body) {
        if ("Secret".equals(body.get("kind")) && body.remove("stringData") instanceof Map<?, ?> strings) {
            Map<String, Object> data = Nodes.child(body, "data");
            ((Map<String, Object>) strings).forEach((k, v) -> data.put(k, Base64.getEncoder()
                    .encodeToString(String.valueOf(v).getBytes(StandardCharsets.UTF_8))));
        }
    }

    private static void walk(Object node) {
        if (node instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) map;
            for (Map.Entry<String, Object> e : m.entrySet()) {
                if (QUANTITY_MAPS.contains(e.getKey()) && e.getValue() instanceof Map<?, ?> quantities) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> q = (Map<String, Object>) quantities;
                    q.replaceAll((k, v) -> Quantity.canonical(v));
                } else {
                    walk(e.getValue());
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(KubernetesNormaliser::walk);
        }
    }
}
