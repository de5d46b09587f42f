package io.plumbline.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The environment schema read as a map of fields: which schemas describe the value at a pointer of an environment
 * file, what an object requires, and what a definition's description says. For tests that hold a mutant's fate to
 * what the schema states.
 */
final class SchemaFields {
    static final Path SCHEMA = Path.of("schema", "environment.schema.json");
    private final JsonNode root;

    private SchemaFields(JsonNode root) {
        this.root = root;
    }

    static SchemaFields read() {
        try {
            return new SchemaFields(new ObjectMapper().readTree(Files.readString(SCHEMA)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node at a pointer into the schema itself, such as {@code /$defs/tagValue}; missing if none. */
    JsonNode node(String schemaPointer) {
        return root.at(schemaPointer);
    }

    /**
     * The schemas that may describe the value at {@code pointer} (RFC 6901) of an environment file: every
     * {@code $ref}, {@code allOf}, {@code anyOf}, {@code oneOf}, {@code then} and {@code else} unfolded. Empty when the
     * schema has no such field.
     */
    List<JsonNode> at(String pointer) {
        List<JsonNode> nodes = unfold(root);
        for (String segment : segments(pointer)) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : nodes) {
                if (segment.matches("[0-9]+") && n.has("items")) {
                    next.addAll(unfold(n.get("items")));
                } else if (n.path("properties").has(segment)) {
                    next.addAll(unfold(n.get("properties").get(segment)));
                } else if (n.path("additionalProperties").isObject()) {
                    next.addAll(unfold(n.get("additionalProperties")));
                }
            }
            nodes = next;
        }
        return nodes;
    }

    /** Whether the object at {@code pointer} must always hold {@code key}: its schema lists it in {@code required}. */
    boolean requires(String pointer, String key) {
        return at(pointer).stream().anyMatch(n -> {
            for (JsonNode required : n.path("required")) {
                if (required.asText().equals(key)) {
                    return true;
                }
            }
            return false;
        });
    }

    private List<JsonNode> unfold(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.has("$ref")) {
            out.addAll(unfold(root.at(node.get("$ref").asText().substring(1))));
        }
        out.add(node);
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            node.path(combinator).forEach(branch -> out.addAll(unfold(branch)));
        }
        for (String branch : List.of("then", "else")) {
            if (node.has(branch)) {
                out.addAll(unfold(node.get(branch)));
            }
        }
        return out;
    }

    /** The parent of a pointer: {@code /spec/sync} for {@code /spec/sync/interval}. */
    static String parent(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    /** The last segment of a pointer, unescaped. */
    static String last(String pointer) {
        return unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
    }

    private static List<String> segments(String pointer) {
        List<String> out = new ArrayList<>();
        for (String s : pointer.split("/", -1)) {
            out.add(unescape(s));
        }
        return out.subList(1, out.size());
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }
}
