package io.plumbline.render.kubernetes;

import io.plumbline.model.Marks;
import java.util.Map;

/** Puts Plumbline's ownership marks and the recommended application labels on an object. */
public final class Marking {
    public static final String NAME_LABEL = "app.kubernetes.io/name";
    public static final String PART_OF_LABEL = "app.kubernetes.io/part-of";

    private Marking() {
    }

    /**
     * Marks {@code body} in place as owned by {@code environment}. Labels the object already declares are kept
     * (the name label defaults to the object's name), except the ownership label, which is always Plumbline's.
     */
    static Map<String, Object> mark(Map<String, Object> body, String environment) {
        Map<String, Object> metadata = Nodes.child(body, "metadata");
        Map<String, Object> labels = Nodes.child(metadata, "labels");
        labels.putIfAbsent(NAME_LABEL, metadata.get("name"));
        labels.putIfAbsent(PART_OF_LABEL, environment);
        labels.put(Marks.MANAGED_BY_LABEL, Marks.MANAGED_BY_VALUE);
        Nodes.child(metadata, "annotations").put(Marks.ENVIRONMENT_ANNOTATION, environment);
        return body;
    }

    /** Whether an observed object carries the marks of {@code environment}. */
    public static boolean isOwnedBy(Map<String, Object> body, String environment) {
        Map<?, ?> metadata = (Map<?, ?>) body.getOrDefault("metadata", Map.of());
        Map<?, ?> labels = (Map<?, ?>) metadata.get("labels");
        Map<?, ?> annotations = (Map<?, ?>) metadata.get("annotations");
        return labels != null && Marks.MANAGED_BY_VALUE.equals(labels.get(Marks.MANAGED_BY_LABEL))
                && annotations != null && environment.equals(annotations.get(Marks.ENVIRONMENT_ANNOTATION));
    }
}
