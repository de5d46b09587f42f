package io.plumbline.diff;

import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Pairs desired with actual objects by key, before anything is compared. */
public final class Pairing {
    private Pairing() {
    }

    /** Desired objects first in their order, then the actual-only ones sorted by key. */
    public static List<Pair> pair(List<Resource> desired, List<Resource> actual) {
        Map<ResourceKey, Resource> byKey = new LinkedHashMap<>();
        for (Resource a : actual) {
            byKey.put(a.key(), a);
        }
        List<Pair> pairs = new ArrayList<>();
        for (Resource d : desired) {
            pairs.add(new Pair(d.key(), d, byKey.remove(d.key())));
        }
        new TreeMap<>(byKey).forEach((key, a) -> pairs.add(new Pair(key, null, a)));
        return pairs;
    }
}
