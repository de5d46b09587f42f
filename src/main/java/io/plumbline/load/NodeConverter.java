package io.plumbline.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.Problem;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a composed YAML node graph into a JSON tree, recording positions and refusing what YAML allows
 * but an environment file should not have: duplicate keys, non-string keys, merge keys, an alias inside the
 * value it names (a cycle, which no tree can hold), and documents that expand (through aliases) to more values
 * or deeper than the limits.
 */
final class NodeConverter {
    /** Only these spell booleans; YAML 1.1's yes/no/on/off stay strings, so {@code NO} is not false. */
    private static final Set<String> BOOLEANS = Set.of("true", "false", "True", "False", "TRUE", "FALSE");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String file;
    private final YamlLimits limits;
    private final Positions positions = new Positions();
    private final List<Problem> problems = new ArrayList<>();
    /** The collections being walked, from the root down: an alias to one of them is a cycle. */
    private final Set<Node> walking = Collections.newSetFromMap(new IdentityHashMap<>());
    private int values;

    NodeConverter(String file, YamlLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    YamlDocument convert(Node root) {
        JsonNode tree = convert(root, "");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new YamlDocument(file, tree, positions);
    }

    private JsonNode convert(Node node, String pointer) {
        if (++values > limits.maxValues()) {
            throw new InvalidInputException(Problem.inFile(file, String.format(
                    "refused: the document expands to more than %,d values (an alias bomb?)", limits.maxValues())));
        }
        Mark start = node.getStartMark();
        positions.value(pointer, start.getLine() + 1, start.getColumn() + 1);
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar);
        }
        // The parser bounds nesting as written; aliases can nest deeper (or without end) when expanded.
        if (walking.contains(node)) {
            throw new InvalidInputException(problem(start, pointer, "the anchor &" + node.getAnchor()
                    + " is used inside its own value, so the value would contain itself; write it out instead"));
        }
        if (walking.size() >= limits.maxDepth()) {
            throw new InvalidInputException(problem(start, pointer, "refused: nesting deeper than "
                    + limits.maxDepth() + " levels once aliases are expanded"));
        }
        walking.add(node);
        try {
            return node instanceof MappingNode map ? mapping(map, pointer) : sequence((SequenceNode) node, pointer);
        } finally {
            walking.remove(node);
        }
    }

    private JsonNode sequence(SequenceNode seq, String pointer) {
        ArrayNode array = JSON.arrayNode();
        for (Node item : seq.getValue()) {
            array.add(convert(item, Pointers.child(pointer, array.size())));
        }
        return array;
    }

    private JsonNode mapping(MappingNode map, String pointer) {
        ObjectNode object = JSON.objectNode();
        Map<String, Integer> seenAt = new HashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            Node keyNode = tuple.getKeyNode();
            Mark at = keyNode.getStartMark();
            if (keyNode.getTag().equals(Tag.MERGE)) {
                problems.add(problem(at, pointer, "merge keys (<<) are not supported; write the fields out"));
                continue;
            }
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                problems.add(problem(at, pointer, "a key must be a plain string"));
                continue;
            }
            String key = scalarKey.getValue();
            String child = Pointers.child(pointer, key);
            Integer first = seenAt.putIfAbsent(key, at.getLine() + 1);
            if (first != null) {
                problems.add(problem(at, child, "duplicate key '" + key + "' (first at line " + first + ")"));
                continue;
            }
            positions.key(child, at.getLine() + 1, at.getColumn() + 1);
            object.set(key, convert(tuple.getValueNode(), child));
        }
        return object;
    }

    private Problem problem(Mark at, String pointer, String message) {
        return new Problem(file, at.getLine() + 1, at.getColumn() + 1, pointer, message);
    }

    private static JsonNode scalar(ScalarNode scalar) {
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.NULL)) {
            return JSON.nullNode();
        }
        if (tag.equals(Tag.BOOL) && BOOLEANS.contains(text)) {
            return JSON.booleanNode(Boolean.parseBoolean(text.toLowerCase()));
        }
        if (tag.equals(Tag.INT)) {
            return integer(text);
        }
        if (tag.equals(Tag.FLOAT)) {
            try {
                return JSON.numberNode(Double.parseDouble(text.replace("_", "")));
            } catch (NumberFormatException e) {
                return JSON.textNode(text);
            }
        }
        return JSON.textNode(text);
    }

    /**
     * Decimal integers only. A leading zero keeps the text (an AWS account id such as 033870383707 must not
     * lose its zero or be read as octal), and so does anything else YAML 1.1 would read in another base.
     */
    private static JsonNode integer(String text) {
        String digits = text.replace("_", "");
        boolean signed = digits.startsWith("-") || digits.startsWith("+");
        String unsigned = signed ? digits.substring(1) : digits;
        if (!unsigned.matches("[0-9]+") || (unsigned.length() > 1 && unsigned.startsWith("0"))) {
            return JSON.textNode(text);
        }
        BigInteger value = new BigInteger(digits);
        return value.bitLength() < 32 ? JSON.numberNode(value.intValue())
                : value.bitLength() < 64 ? JSON.numberNode(value.longValue()) : JSON.numberNode(value);
    }
}
