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
 * ({@code status}, uid, resourceVersion, generation, managedFields, creationTimestamp), drops fields equal to
 * the server's defaults ({@code protocol: TCP}, the default imagePullPolicy for the image) and writes
 * quantities canonically ({@code 1000m} = {@code 1}, {@code 64M} = {@code 64000000}), and folds a Secret's
 * {@code stringData} into {@code data} as the server does.
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
        if (out.get("metadata") instanceof Map<?, ?> metadata) {
            if (metadata.get("annotations") instanceof Map<?, ?> annotations) {
                annotations.remove(Adoption.ANNOTATION);
                if (annotations.isEmpty()) {
                    metadata.remove("annotations");
                }
            }
        }
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
            if ("TCP".equals(m.get("protocol"))) {
                m.remove("protocol");
            }
            if (m.get("image") instanceof String image && defaultPullPolicy(image).equals(m.get("imagePullPolicy"))) {
                m.remove("imagePullPolicy");
            }
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

    /** The kubelet pulls {@code :latest} and untagged images always, tagged or pinned ones only when missing. */
    static String defaultPullPolicy(String image) {
        if (image.contains("@")) {
            return "IfNotPresent";
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        boolean tagged = colon > slash;
        return !tagged || image.endsWith(":latest") ? "Always" : "IfNotPresent";
    }
}
