package io.plumbline.render.kubernetes;

import io.plumbline.model.Marks;
import java.util.Map;

/** Puts Plumbline's ownership marks and the recommended application labels on an object. */
public final class Marking {
    public static final String NAME_LABEL = "app.kubernetes.io/name";
    public static final String PART_OF_LABEL = "app.kubernetes.io/part-of";
    /**
     * On a desired object: take it over even if it exists without Plumbline's marks. Set by an application's
     * {@code adopt: true}, or written on a raw manifest; never sent to the API server.
     */
    public static final String ADOPT_ANNOTATION = "plumbline.io/adopt";

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
        return environment.equals(owner(body));
    }

    /**
     * Whether an object that copies the labels of one of ours, not its annotations (the Endpoints the control plane
     * keeps for a Service), names {@code environment}: the ownership label and the part-of label Plumbline puts on
     * what it renders.
     */
    public static boolean labelsOwnedBy(Map<String, Object> body, String environment) {
        return Marks.MANAGED_BY_VALUE.equals(Nodes.at(body, "metadata", "labels", Marks.MANAGED_BY_LABEL))
                && environment.equals(Nodes.at(body, "metadata", "labels", PART_OF_LABEL));
    }

    /** The environment whose Plumbline marks an observed object carries, or null when it has none. */
    public static String owner(Map<String, Object> body) {
        boolean managed = Marks.MANAGED_BY_VALUE.equals(Nodes.at(body, "metadata", "labels", Marks.MANAGED_BY_LABEL));
        Object environment = Nodes.at(body, "metadata", "annotations", Marks.ENVIRONMENT_ANNOTATION);
        return managed && environment != null ? environment.toString() : null;
    }
}
