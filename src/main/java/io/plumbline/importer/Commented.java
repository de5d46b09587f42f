package io.plumbline.importer;

/**
 * A value of the written file with a comment on the line above it: where an imported object came from (its id, ARN
 * or uid), so that a reviewer can find it in the console or with {@code kubectl}.
 *
 * @param comment one line, without the {@code #}
 * @param value   a map, list or scalar as {@link YamlText} writes it
 */
public record Commented(String comment, Object value) {
}
