package io.plumbline.provider.aws;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.plumbline.load.SpecBinding;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Revision;
import io.plumbline.model.spec.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An environment file from the test resources, editable as a tree before it is bound to the spec records. */
public final class Fixture {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private final String file;
    private final ObjectNode tree;
    private final Map<String, String> files = new LinkedHashMap<>();

    private Fixture(String file, ObjectNode tree) {
        this.file = file;
        this.tree = tree;
    }

    public static Fixture load(String resource) {
        try (InputStream in = Fixture.class.getResourceAsStream("/" + resource)) {
            return new Fixture(resource, (ObjectNode) YAML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object at a JSON pointer, such as {@code /spec/aws/ecr/repositories/0}, to edit in place. */
    public ObjectNode at(String pointer) {
        return (ObjectNode) tree.at(pointer);
    }

    public ObjectNode tree() {
        return tree;
    }

    /** A repository file the environment names (user data), as the loader would have read it. */
    public Fixture file(String path, String text) {
        files.put(path, text);
        return this;
    }

    public LoadedEnvironment environment() {
        return environment("test commit");
    }

    public LoadedEnvironment environment(String commitMessage) {
        Environment env = SpecBinding.mapper().convertValue(tree, Environment.class);
        return new LoadedEnvironment(file, env, List.of(), new Revision("0123456789abcdef", "main", commitMessage),
                files);
    }
}
