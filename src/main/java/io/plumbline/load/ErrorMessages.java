package io.plumbline.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import io.plumbline.model.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a schema error into a message a person can act on, at the position of the offending key or value. */
final class ErrorMessages {
    private final JsonNode schemaRoot;

    ErrorMessages(JsonNode schemaRoot) {
        this.schemaRoot = schemaRoot;
    }

    /** The innermost oneOf/anyOf a branch error stands in, e.g. {@code .../probe/oneOf}. */
    private static final Pattern COMBINATOR = Pattern.compile("^(.*/(oneOf|anyOf))/[0-9]+/.*$");

    /**
     * One problem per error. Errors inside a oneOf/anyOf branch are summarised as one problem about the
     * combinator (equal problems are merged by the caller), since "branch 2 failed" helps nobody.
     */
    Problem problem(YamlDocument doc, Error error) {
        String pointer = SchemaValidator.pointer(error.getInstanceLocation());
        JsonNode value = SchemaValidator.at(doc.tree(), pointer);
        String found = shown(value);
        String fragment = SchemaValidator.pointer(error.getSchemaLocation().getFragment());
        Matcher inside = COMBINATOR.matcher(fragment);
        if (inside.matches()) {
            return at(doc, pointer, false, combinator(inside.group(1), found));
        }
        JsonNode keywordSchema = schemaRoot.at(fragment);
        return switch (error.getKeyword()) {
            case "additionalProperties" -> {
                String child = Pointers.child(pointer, error.getProperty());
                yield at(doc, child, true, "unknown field '" + error.getProperty() + "'; valid fields: "
                        + fieldNames(parent(fragment)));
            }
            case "required" -> at(doc, pointer, true, "missing required field '" + error.getProperty() + "'");
            case "const" -> at(doc, pointer, false, "must be " + shown(keywordSchema) + ", found " + found);
            case "enum" -> at(doc, pointer, false, found + " is not one of: " + joined(keywordSchema));
            case "type" -> at(doc, pointer, false,
                    "expected " + article(keywordSchema.asText()) + ", found " + typeOf(value) + " " + found
                            + (keywordSchema.asText().equals("string") && value.isValueNode()
                            ? " (quote it: \"" + value.asText() + "\")" : ""));
            case "minimum" -> at(doc, pointer, false, "must be at least " + keywordSchema.asText() + ", found " + found);
            case "maximum" -> at(doc, pointer, false, "must be at most " + keywordSchema.asText() + ", found " + found);
            case "exclusiveMinimum" -> at(doc, pointer, false,
                    "must be more than " + keywordSchema.asText() + ", found " + found);
            case "pattern", "maxLength", "minLength" -> at(doc, pointer, false,
                    "invalid value " + found + ": expected " + describe(parent(fragment)));
            case "oneOf", "anyOf" -> at(doc, pointer, false, combinator(fragment, found));
            default -> at(doc, pointer, false, error.getMessage());
        };
    }

    private String combinator(String fragment, String found) {
        JsonNode branches = schemaRoot.at(fragment);
        List<String> required = new ArrayList<>();
        for (JsonNode branch : branches) {
            if (branch.size() == 1 && branch.has("required") && branch.get("required").size() == 1) {
                required.add(branch.get("required").get(0).asText());
            }
        }
        if (required.size() == branches.size()) {
            String how = fragment.endsWith("oneOf") ? "exactly one of: " : "at least one of: ";
            return "needs " + how + String.join(", ", required);
        }
        return "invalid value " + found + ": expected " + describe(parent(fragment));
    }

    private static Problem at(YamlDocument doc, String pointer, boolean key, String message) {
        Positions.At at = key ? doc.positions().keyOf(pointer) : doc.positions().valueOf(pointer);
        return new Problem(doc.file(), at.line(), at.column(), pointer, message);
    }

    /** The schema that holds a keyword: for {@code .../$defs/duration/pattern}, the duration schema. */
    private JsonNode parent(String fragment) {
        return schemaRoot.at(fragment.substring(0, fragment.lastIndexOf('/')));
    }

    private static String describe(JsonNode schema) {
        String text = Optional.ofNullable(schema.get("description")).map(JsonNode::asText).orElse("another value");
        text = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String fieldNames(JsonNode objectSchema) {
        StringJoiner names = new StringJoiner(", ");
        JsonNode properties = objectSchema.path("properties");
        for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names.length() == 0 ? "(none)" : names.toString();
    }

    private static String joined(JsonNode array) {
        StringJoiner out = new StringJoiner(", ");
        array.forEach(v -> out.add(v.asText()));
        return out.toString();
    }

    private static String shown(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        String text = value.isTextual() ? "'" + value.asText() + "'" : value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String typeOf(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isIntegralNumber()) {
            return "an integer";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        return "null";
    }

    private static String article(String type) {
        return switch (type) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "integer" -> "an integer";
            default -> "a " + type;
        };
    }
}
