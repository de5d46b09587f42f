package io.plumbline.provider.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the API server merges the lists Plumbline writes: by a key of their entries (containers and env by
 * {@code name}, container ports by {@code containerPort}, service ports by {@code port}, mounts by
 * {@code mountPath}), so an entry someone else added (an injected sidecar, an extra variable) is theirs and
 * stays. Other lists are atomic: whoever applies them owns them whole.
 */
final class MergeKeys {
    private static final Map<String, String> BY_FIELD = Map.of(
            "containers", "name", "initContainers", "name", "ephemeralContainers", "name", "env", "name",
            "volumes", "name", "imagePullSecrets", "name", "volumeMounts", "mountPath",
            "volumeDevices", "devicePath", "hostAliases", "ip");

    private MergeKeys() {
    }

    /** The key field of the list called {@code field}, judged from its entries; empty for an atomic list. */
    static Optional<String> of(String field, List<?> entries) {
        if (entries.isEmpty() || !(entries.get(0) instanceof Map<?, ?> first)) {
            return Optional.empty();
        }
        if (field.equals("ports")) {
            return Optional.of(first.containsKey("containerPort") ? "containerPort" : "port");
        }
        return Optional.ofNullable(BY_FIELD.get(field));
    }

    /** The entry of {@code list} whose key equals that of {@code entry}, or null. */
    static Map<?, ?> find(List<?> list, String key, Map<?, ?> entry) {
        Object wanted = entry.get(key);
        for (Object candidate : list) {
            if (candidate instanceof Map<?, ?> m && io.plumbline.diff.TreeDiff.sameValue(wanted, m.get(key))
                    && sameProtocol(entry, m)) {
                return m;
            }
        }
        return null;
    }

    /** Ports are keyed on number and protocol; an absent protocol is TCP. */
    private static boolean sameProtocol(Map<?, ?> a, Map<?, ?> b) {
        Object x = a.get("protocol") == null ? "TCP" : a.get("protocol");
        Object y = b.get("protocol") == null ? "TCP" : b.get("protocol");
        return x.equals(y);
    }

    /** How an entry is named in a field path: {@code containers[name=web]}. */
    static String label(String key, Map<?, ?> entry) {
        return "[" + key + "=" + entry.get(key) + "]";
    }
}
