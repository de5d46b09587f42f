package io.plumbline.render.kubernetes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.RawManifest;
import io.plumbline.model.Revision;
import io.plumbline.model.spec.Environment;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

/** Reads environment files and raw manifests the way the loader hands them over, for tests and benchmarks. */
public final class TestEnvironments {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private TestEnvironments() {
    }

    /** The example production environment with its manifest folder. */
    public static LoadedEnvironment production() {
        return load(Path.of("example-repo/environments/production.yaml"), Path.of("example-repo/manifests/production"));
    }

    public static LoadedEnvironment load(Path environmentFile, Path... manifestFolders) {
        try {
            return of(environmentFile.toString(), Files.readString(environmentFile), manifests(manifestFolders));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LoadedEnvironment of(String file, String yaml, List<RawManifest> manifests) {
        try {
            Environment env = YAML.convertValue(YAML.readValue(yaml, Map.class), Environment.class);
            return new LoadedEnvironment(file, env, manifests, Revision.WORKING_TREE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LoadedEnvironment withRevision(LoadedEnvironment env, Revision revision) {
        return new LoadedEnvironment(env.file(), env.environment(), env.manifests(), revision);
    }

    public static LoadedEnvironment withManifests(LoadedEnvironment env, List<RawManifest> manifests) {
        return new LoadedEnvironment(env.file(), env.environment(), manifests, env.revision());
    }

    /** The objects of every YAML file in the folders, each with the line its document starts on. */
    public static List<RawManifest> manifests(Path... folders) {
        List<RawManifest> out = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    out.addAll(documents(f.toString(), Files.readString(f)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static List<RawManifest> documents(String file, String text) {
        List<RawManifest> out = new ArrayList<>();
        Yaml yaml = new Yaml();
        List<Integer> lines = new ArrayList<>();
        for (Node node : yaml.composeAll(new StringReader(text))) {
            lines.add(node.getStartMark().getLine() + 1);
        }
        int i = 0;
        for (Object doc : new Yaml().loadAll(text)) {
            int line = lines.get(i++);
            if (doc != null) {
                out.add(new RawManifest(file, line, (Map<String, Object>) doc));
            }
        }
        return out;
    }

    /** Every YAML document of a test resource, in order. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> fixture(String resource) {
        try (var in = TestEnvironments.class.getResourceAsStream("/kubernetes/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource kubernetes/" + resource);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            new Yaml().loadAll(in).forEach(d -> out.add((Map<String, Object>) d));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
