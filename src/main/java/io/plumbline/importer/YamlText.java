package io.plumbline.importer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes ordered maps, lists and scalars as YAML the way the files of {@code example-repo} are written: block style,
 * short maps and lists of scalars in flow style on one line ({@code {name: web, port: 80}}), a {@link Commented}
 * value with its comment (after a one-line item, else on the line above), and scalars quoted only when YAML would
 * read them as something else (a number, a boolean, a date) or they hold characters that end a plain scalar.
 */
public final class YamlText {
    /** Lines longer than this are written in block style instead of flow style. */
    static final int WIDTH = 120;
    private static final String INDENT = "  ";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/.$][A-Za-z0-9_./\\-=+@()~*$ ]*");
    private static final Pattern ADDRESS = Pattern.compile("\\d+(\\.\\d+){3}(/\\d+)?");
    private static final Pattern AMOUNT = Pattern.compile("\\d+[A-Za-z%]+");
    /** Words YAML 1.1 (SnakeYAML's) reads as booleans or null. */
    private static final Set<String> WORDS = Set.of("y", "yes", "n", "no", "true", "false", "on", "off", "null", "~");

    private YamlText() {
    }

    /** A whole document: {@code map} in block style, ending with a newline. */
    public static String document(Map<String, Object> map) {
        StringBuilder out = new StringBuilder();
        block(out, map, "");
        return out.toString();
    }

    private static void block(StringBuilder out, Map<String, Object> map, String indent) {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            Object value = e.getValue();
            String comment = null;
            if (value instanceof Commented c) {
                comment = c.comment();
                value = c.value();
            }
            String head = indent + key(e.getKey()) + ":";
            String flow = flow(value);
            if (flow != null && fits(head + " " + flow, comment)) {
                out.append(head).append(' ').append(flow).append(trailing(comment)).append('\n');
                continue;
            }
            if (comment != null) {
                out.append(indent).append("# ").append(comment).append('\n');
            }
            if (value instanceof String s && s.contains("\n")) {
                out.append(head).append(' ').append(literal(s, indent + INDENT)).append('\n');
            } else if (value instanceof Map<?, ?> m) {
                out.append(head).append('\n');
                block(out, cast(m), indent + INDENT);
            } else if (value instanceof List<?> l) {
                out.append(head).append('\n');
                items(out, l, indent + INDENT);
            } else {
                out.append(head).append(' ').append(scalar(value)).append('\n');
            }
        }
    }

    private static void items(StringBuilder out, List<?> list, String indent) {
        for (Object item : list) {
            Object value = item;
            String comment = null;
            if (item instanceof Commented c) {
                comment = c.comment();
                value = c.value();
            }
            String flow = flow(value);
            if (flow != null && fits(indent + "- " + flow, comment)) {
                out.append(indent).append("- ").append(flow).append(trailing(comment)).append('\n');
                continue;
            }
            if (comment != null) {
                out.append(indent).append("# ").append(comment).append('\n');
            }
            if (value instanceof Map<?, ?> m && !m.isEmpty()) {
                // the first key on the dash's line, the others under it
                StringBuilder inner = new StringBuilder();
                block(inner, cast(m), indent + INDENT);
                out.append(indent).append("- ").append(inner.substring(indent.length() + INDENT.length()));
            } else if (value instanceof List<?> l) {
                out.append(indent).append("-\n");
                items(out, l, indent + INDENT);
            } else if (value instanceof String s && s.contains("\n")) {
                out.append(indent).append("- ").append(literal(s, indent + INDENT)).append('\n');
            } else {
                out.append(indent).append("- ").append(scalar(value)).append('\n');
            }
        }
    }

    private static boolean fits(String line, String comment) {
        return line.length() + (comment == null ? 0 : comment.length() + 5) <= WIDTH || line.length() <= WIDTH
                && comment == null;
    }

    private static String trailing(String comment) {
        return comment == null ? "" : "   # " + comment;
    }

    /** The value on one line, or null when it has a map or list inside a list, or a multi-line string. */
    static String flow(Object value) {
        if (value instanceof Commented) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                String inner = e.getValue() instanceof Map<?, ?> m && !m.isEmpty() ? nestedFlow(m) : flowLeaf(e.getValue());
                if (inner == null) {
                    return null;
                }
                out.append(out.length() > 1 ? ", " : "").append(key(String.valueOf(e.getKey()))).append(": ").append(inner);
            }
            return out.append('}').toString();
        }
        return flowLeaf(value);
    }

    /** A map inside a flow map, one level deep at most ({@code lifecycle: {keepLastImages: 30}}). */
    private static String nestedFlow(Map<?, ?> map) {
        if (map.values().stream().anyMatch(v -> v instanceof Map<?, ?> || v instanceof List<?> || v instanceof Commented)) {
            return null;
        }
        return flow(map);
    }

    private static String flowLeaf(Object value) {
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : list) {
                if (item instanceof Map<?, ?> || item instanceof List<?> || item instanceof Commented
                        || item instanceof String s && s.contains("\n")) {
                    return null;
                }
                out.append(out.length() > 1 ? ", " : "").append(scalar(item));
            }
            return out.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "{}" : null;
        }
        if (value instanceof String s && s.contains("\n")) {
            return null;
        }
        return scalar(value);
    }

    static String key(String key) {
        return scalar(key);
    }

    /** A scalar as YAML reads it back to the same value: plain when it may be, else double-quoted. */
    static String scalar(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        String s = String.valueOf(value);
        boolean plain = !s.isEmpty() && !s.endsWith(" ") && !WORDS.contains(s.toLowerCase(java.util.Locale.ROOT))
                && (PLAIN.matcher(s).matches() || ADDRESS.matcher(s).matches() || AMOUNT.matcher(s).matches());
        return plain ? s : quoted(s);
    }

    private static String quoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * A multi-line string as a literal block ({@code |}, {@code |-} without a final newline); double-quoted when a
     * block cannot hold it exactly (leading spaces on its first line, trailing blank lines, control characters).
     */
    private static String literal(String s, String indent) {
        boolean blockable = !s.startsWith(" ") && !s.endsWith("\n\n") && s.chars().noneMatch(c -> c < 0x20 && c != '\n')
                && s.lines().noneMatch(l -> l.endsWith(" "));
        if (!blockable) {
            return quoted(s);
        }
        String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        StringBuilder out = new StringBuilder(s.endsWith("\n") ? "|" : "|-");
        for (String line : body.split("\n", -1)) {
            out.append('\n');
            if (!line.isEmpty()) {
                out.append(indent).append(line);
            }
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
