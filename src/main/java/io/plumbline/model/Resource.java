package io.plumbline.model;

import java.util.Map;

/**
 * A desired or observed object: its key and a tree of plain values (maps, lists, strings, numbers,
 * booleans) that the generic diff compares.
 *
 * @param owned true when the object carries Plumbline's ownership marks for this environment;
 *              only owned objects may ever be deleted
 */
public record Resource(ResourceKey key, Map<String, Object> body, boolean owned) {
    public Resource {
        body = body == null ? Map.of() : body;
    }

    public static Resource desired(ResourceKey key, Map<String, Object> body) {
        return new Resource(key, body, true);
    }
}
