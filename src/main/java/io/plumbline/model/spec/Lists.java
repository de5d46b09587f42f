package io.plumbline.model.spec;

import java.util.List;
import java.util.Map;

/** Absent collections in an environment file mean empty ones; records normalise through here. */
public final class Lists {
    private Lists() {
    }

    public static <T> List<T> of(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    public static <K, V> Map<K, V> of(Map<K, V> map) {
        return map == null ? Map.of() : Map.copyOf(map);
    }
}
