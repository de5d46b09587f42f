package io.plumbline.provider.kubernetes;

import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.model.Revision;
import io.plumbline.render.kubernetes.KubernetesKeys;
import io.plumbline.render.kubernetes.Marking;
import io.plumbline.render.kubernetes.Nodes;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether Plumbline may take over an existing object that carries none of its marks: only when the environment
 * says so for that object ({@code adopt: true} on an application, or the annotation {@code plumbline.io/adopt:
 * "true"} on a raw manifest), or the commit has the trailer {@code Plumbline-Adopt: <Kind> <namespace>/<name>}.
 */
final class Adoption {
    static final String ANNOTATION = Marking.ADOPT_ANNOTATION;
    static final String TRAILER = "Plumbline-Adopt";
    private static final Pattern TRAILER_LINE = Pattern.compile("(?im)^" + TRAILER + ":\\s*(.+?)\\s*$");

    private Adoption() {
    }

    static boolean allowed(Resource desired, Revision revision) {
        if ("true".equals(String.valueOf(Nodes.at(desired.body(), "metadata", "annotations", ANNOTATION)))) {
            return true;
        }
        Matcher m = TRAILER_LINE.matcher(revision.message());
        while (m.find()) {
            if (m.group(1).equals(name(desired.key()))) {
                return true;
            }
        }
        return false;
    }

    /** How the trailer names an object: {@code Deployment example/frontend}, {@code ClusterRole reader}. */
    static String name(ResourceKey key) {
        return KubernetesKeys.kind(key) + " " + (key.namespace().isEmpty() ? "" : key.namespace() + "/") + key.name();
    }

    /**
     * Why an unmarked object is left alone, and how to adopt it. It is a difference until then: a failed apply
     * quotes it after the object ({@code not converged: <object> exists without Plumbline's marks (adopt it ...)}).
     */
    static String refusal(ResourceKey key) {
        return "exists without Plumbline's marks (adopt it with adopt: true on it, or the commit trailer '"
                + TRAILER + ": " + name(key) + "')";
    }

    /** The body to send: the desired one without the adoption annotation, which is for Plumbline only. */
    static Map<String, Object> withoutAnnotation(Map<String, Object> body) {
        if (!(Nodes.at(body, "metadata", "annotations") instanceof Map<?, ?> annotations)
                || !annotations.containsKey(ANNOTATION)) {
            return body;
        }
        Map<String, Object> out = Nodes.copy(body);
        Nodes.child(Nodes.child(out, "metadata"), "annotations").remove(ANNOTATION);
        return out;
    }
}
