package io.plumbline.source.webhook;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Request headers looked up by name regardless of case, as HTTP defines them. */
final class Headers {
    private final Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    Headers(Map<String, String> headers) {
        headers.forEach((name, value) -> {
            if (name != null && value != null) {
                byName.putIfAbsent(name, value.strip());
            }
        });
    }

    /** The value of the first of these headers that is present and not blank. */
    Optional<String> first(String... names) {
        for (String name : names) {
            String value = byName.get(name);
            if (value != null && !value.isEmpty()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
