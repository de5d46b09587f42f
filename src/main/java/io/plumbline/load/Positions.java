package io.plumbline.load;

import java.util.HashMap;
import java.util.Map;

/** Where each value (and each mapping key) of a document stands, by JSON pointer. Lines and columns are 1-based. */
final class Positions {
    record At(int line, int column) {
    }

    private final Map<String, At> values = new HashMap<>();
    private final Map<String, At> keys = new HashMap<>();

    void value(String pointer, int line, int column) {
        values.put(pointer, new At(line, column));
    }

    void key(String pointer, int line, int column) {
        keys.put(pointer, new At(line, column));
    }

    /** The value's position, or that of its nearest ancestor that has one. */
    At valueOf(String pointer) {
        return nearest(values, pointer);
    }

    /** The position of the key that names this pointer's value, else the value's. */
    At keyOf(String pointer) {
        At at = keys.get(pointer);
        return at != null ? at : valueOf(pointer);
    }

    private static At nearest(Map<String, At> map, String pointer) {
        String p = pointer;
        while (true) {
            At at = map.get(p);
            if (at != null) {
                return at;
            }
            if (p.isEmpty()) {
                return new At(1, 1);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
