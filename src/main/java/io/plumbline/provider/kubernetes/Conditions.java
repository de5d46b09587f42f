package io.plumbline.provider.kubernetes;

import io.plumbline.model.Health;
import io.plumbline.render.kubernetes.Nodes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code status.conditions} and other status numbers of an object body. */
final class Conditions {
    private Conditions() {
    }

    /** The condition of this type, if the object reports it. */
    static Optional<Map<?, ?>> find(Map<String, Object> body, String type) {
        if (!(Nodes.at(body, "status", "conditions") instanceof List<?> conditions)) {
            return Optional.empty();
        }
        return conditions.stream().filter(c -> c instanceof Map<?, ?> m && type.equals(m.get("type")))
                .<Map<?, ?>>map(c -> (Map<?, ?>) c).findFirst();
    }

    static boolean is(Map<?, ?> condition, String status) {
        return status.equals(condition.get("status"));
    }

    static String text(Map<?, ?> condition) {
        Object message = condition.get("message");
        Object reason = condition.get("reason");
        return message != null ? message.toString() : reason != null ? reason.toString() : "";
    }

    static long number(Map<String, Object> body, long fallback, String... path) {
        return Nodes.at(body, path) instanceof Number n ? n.longValue() : fallback;
    }

    /** Progressing while the controller has not yet seen the object's latest spec. */
    static Optional<Health> unobserved(Map<String, Object> body) {
        long generation = number(body, 0, "metadata", "generation");
        long observed = number(body, -1, "status", "observedGeneration");
        return observed < generation
                ? Optional.of(Health.progressing("waiting for the controller to see generation " + generation))
                : Optional.empty();
    }
}
