package io.plumbline.render.aws;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a resource body in a readable order, leaving out what is not declared (null). */
public final class Body {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public static Body of() {
        return new Body();
    }

    public Body put(String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
        return this;
    }

    public Map<String, Object> build() {
        return fields;
    }
}
