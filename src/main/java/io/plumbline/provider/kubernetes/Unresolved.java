package io.plumbline.provider.kubernetes;

import io.plumbline.model.Change;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.model.SecretValues;
import io.plumbline.render.kubernetes.Nodes;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a plan that resolved no secret (a pull request's) holds in place of values: {@link SecretValues#UNRESOLVED}.
 * For the comparison it stands for the live object's value at the same place, so such a plan shows only what it can
 * know (a reference or an encrypted text changed); and an object still holding it is never written.
 */
final class Unresolved {
    private Unresolved() {
    }

    /** {@code desired}, with each unresolved value replaced by the live one (or left out where there is none). */
    static List<Resource> fromLive(List<Resource> desired, List<Resource> actual) {
        Map<ResourceKey, Resource> live = new HashMap<>();
        actual.forEach(r -> live.put(r.key(), r));
        return desired.stream().map(r -> {
            Resource found = live.get(r.key());
            if (found == null || !holds(r.body())) {
                return r;
            }
            Map<String, Object> body = Nodes.copy(r.body());
            fill(body, found.body());
            return new Resource(r.key(), body, r.owned());
        }).toList();
    }

    /** Whether the change would write a value that was not resolved. */
    static boolean inWrite(Change change) {
        return change.desired() != null && holds(change.desired().body());
    }

    static boolean holds(Object node) {
        if (node instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(Unresolved::holds);
        }
        if (node instanceof List<?> l) {
            return l.stream().anyMatch(Unresolved::holds);
        }
        return SecretValues.UNRESOLVED.equals(node);
    }

    @SuppressWarnings("unchecked")
    private static void fill(Map<String, Object> wanted, Object live) {
        Map<String, Object> found = live instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        for (Iterator<Map.Entry<String, Object>> it = wanted.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Object> e = it.next();
            Object liveValue = found.get(e.getKey());
            if (SecretValues.UNRESOLVED.equals(e.getValue())) {
                if (liveValue == null) {
                    it.remove();
                } else {
                    e.setValue(liveValue);
                }
            } else if (e.getValue() instanceof Map<?, ?> child) {
                fill((Map<String, Object>) child, liveValue);
            } else if (e.getValue() instanceof List<?> items && liveValue instanceof List<?> liveItems) {
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof Map<?, ?> item) {
                        fill((Map<String, Object>) item, i < liveItems.size() ? liveItems.get(i) : null);
                    }
                }
            }
        }
    }
}
