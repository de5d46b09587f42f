package io.plumbline.load;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Mutants of one environment file: every value replaced by other types, numbers at and past the usual bounds,
 * control characters and injection strings; every mapping given an unknown key and losing each of its keys.
 */
final class Mutants {
    /** What was done, where (a JSON pointer such as {@code /spec/haproxy/stateFile}), and the mutated file. */
    record Mutant(String kind, String pointer, String description, String yaml) {
    }

    static final List<Object> OTHER_TYPES = List.of(7, "text", true, List.of(), Map.of(), 1.5);
    static final List<Object> NUMBERS = List.of(-1, 0, 1, 255, 256, 65535, 65536, 2147483647, 2147483648L,
            1_000_000_000_000L, new BigInteger("1000000000000000000000000000000"), 0.5);
    static final List<String> HOSTILE = List.of("\n", "\u0000", "\t", "\r", "\u007f", "\u2028", "\u0085",
            "\n    stats socket ipv4@127.0.0.1:1 level admin", "\nlisten evil\n    bind :1", "/../../etc/passwd",
            "../../../etc/passwd", "${HOME}", " x", "#c", "\"q", "'q", "\\", "*", "x".repeat(10_000));

    /** The first hostile strings (control characters and line-breaking injections) are also tried as suffixes. */
    private static final int SUFFIXES = 13;

    private Mutants() {
    }

    static List<Mutant> of(String yaml) {
        Object tree = new Yaml(new LoaderOptions()).load(yaml);
        List<Mutant> out = new ArrayList<>();
        walk(tree, "", (pointer, value, set) -> {
            for (Object other : OTHER_TYPES) {
                if (other.getClass() != value.getClass() && !(value instanceof Map && other instanceof Map)
                        && !(value instanceof List && other instanceof List)) {
                    out.add(mutant(tree, "type", pointer, String.valueOf(other), set, value, other));
                }
            }
            out.add(mutant(tree, "null", pointer, "null", set, value, null));
            if (value instanceof Number) {
                NUMBERS.forEach(n -> out.add(mutant(tree, "number", pointer, String.valueOf(n), set, value, n)));
            }
            if (value instanceof String s) {
                for (String h : HOSTILE) {
                    out.add(mutant(tree, "string", pointer, escape(h), set, value, h));
                }
                // After a valid prefix: what a pattern anchored only at the start would let through.
                for (String h : HOSTILE.subList(0, SUFFIXES)) {
                    out.add(mutant(tree, "suffix", pointer, escape(h), set, value, s + h));
                }
            }
            if (value instanceof Map<?, ?> map) {
                out.add(mutant(tree, "unknown-key", pointer, "plumblineUnknown", set, value,
                        with(map, "plumblineUnknown", 1)));
                for (Object key : map.keySet()) {
                    out.add(mutant(tree, "missing", Pointers.child(pointer, String.valueOf(key)), "", set, value,
                            without(map, key)));
                }
            }
        });
        return out;
    }

    /** Calls back with each value, its pointer and a way to replace it (and undo). */
    private interface Visitor {
        void visit(String pointer, Object value, Consumer<Object> set);
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object node, String pointer, Visitor visitor) {
        if (node instanceof Map<?, ?> map) {
            for (Object key : List.copyOf(map.keySet())) {
                Object value = map.get(key);
                String at = Pointers.child(pointer, String.valueOf(key));
                if (value != null) {
                    visitor.visit(at, value, v -> ((Map<Object, Object>) map).put(key, v));
                    walk(value, at, visitor);
                }
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                int index = i;
                visitor.visit(pointer + "/" + i, list.get(i), v -> ((List<Object>) list).set(index, v));
                walk(list.get(i), pointer + "/" + i, visitor);
            }
        }
    }

    /** Dumps the tree with one value replaced, then puts the original back. */
    private static Mutant mutant(Object tree, String kind, String pointer, String description, Consumer<Object> set,
                                 Object original, Object replacement) {
        set.accept(replacement);
        String yaml = dumper().dump(tree);
        set.accept(original);
        return new Mutant(kind, pointer, description, yaml);
    }

    private static Map<Object, Object> with(Map<?, ?> map, Object key, Object value) {
        Map<Object, Object> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static Map<Object, Object> without(Map<?, ?> map, Object key) {
        Map<Object, Object> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return copy;
    }

    private static Yaml dumper() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(Integer.MAX_VALUE);
        // Control characters are written as escapes in double quotes, not as !!binary.
        options.setNonPrintableStyle(DumperOptions.NonPrintableStyle.ESCAPE);
        return new Yaml(options);
    }

    static String escape(String s) {
        return io.plumbline.model.Printable.escape(s.length() > 40 ? s.substring(0, 12) + "…(" + s.length() + ")" : s);
    }
}
