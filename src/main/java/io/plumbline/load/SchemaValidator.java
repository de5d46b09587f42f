package io.plumbline.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.plumbline.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a parsed environment file against {@code schema/environment.schema.json}, and a policy document read
 * from a repository file against the same schema's {@code policyDocument}, so both are held to one grammar.
 */
public final class SchemaValidator {
    static final String SCHEMA_RESOURCE = "/schema/environment.schema.json";

    private static final String POLICY_DOCUMENT = "/$defs/policyDocument";

    /** Read on the first validation: a service's start waits for nothing it does not need to answer. */
    private volatile Grammar grammar;

    /** The environment schema, the policy document's schema taken from it, and the messages for both. */
    private record Grammar(Schema schema, Schema policy, ErrorMessages messages) {
        static Grammar load() {
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
            Schema schema;
            try (InputStream in = SchemaValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the schema is missing from the classpath: " + SCHEMA_RESOURCE);
                }
                schema = registry.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Grammar(schema, registry.getSchema(policySchema(schema.getSchemaNode())),
                    new ErrorMessages(schema.getSchemaNode()));
        }
    }

    private Grammar grammar() {
        Grammar loaded = grammar;
        if (loaded == null) {
            synchronized (this) {
                if (grammar == null) {
                    grammar = Grammar.load();
                }
                loaded = grammar;
            }
        }
        return loaded;
    }

    /** The policy document's definition as a schema of its own, with every definition it may refer to. */
    private static JsonNode policySchema(JsonNode root) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("$schema", root.get("$schema"));
        node.put("$ref", "#" + POLICY_DOCUMENT);
        node.set("$defs", root.get("$defs"));
        return node;
    }

    List<Problem> validate(YamlDocument doc) {
        return problems(grammar().schema(), doc);
    }

    /** Problems of an IAM policy document read from its own file. */
    List<Problem> validatePolicy(YamlDocument doc) {
        return problems(grammar().policy(), doc);
    }

    private List<Problem> problems(Schema against, YamlDocument doc) {
        Set<Problem> problems = new LinkedHashSet<>();
        for (Error error : against.validate(doc.tree())) {
            problems.add(grammar().messages().problem(doc, error));
        }
        return List.copyOf(problems);
    }

    static String pointer(NodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            out.append('/').append(String.valueOf(element).replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }

    static JsonNode at(JsonNode root, String pointer) {
        return pointer.isEmpty() ? root : root.at(pointer);
    }
}
