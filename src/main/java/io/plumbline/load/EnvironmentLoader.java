package io.plumbline.load;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Problem;
import io.plumbline.model.RawManifest;
import io.plumbline.model.RepoFiles;
import io.plumbline.model.spec.Environment;
import io.plumbline.model.spec.EnvironmentSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads environment files completely or not at all: YAML with positions, the schema, the semantic checks,
 * then the raw manifests they name. Every problem of a file is reported at once.
 */
public final class EnvironmentLoader {
    /** Where environment files live in a configuration repository. */
    public static final String ENVIRONMENTS = "environments";

    private final YamlReader yaml;
    private final SchemaValidator schema = new SchemaValidator();
    private final ManifestReader manifests;
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public EnvironmentLoader(YamlLimits limits) {
        this.yaml = new YamlReader(limits);
        this.manifests = new ManifestReader(yaml);
    }

    public EnvironmentLoader() {
        this(YamlLimits.DEFAULT);
    }

    /** Every {@code .yaml}/{@code .yml} file under {@code environments/}. */
    public LoadResult loadAll(RepoFiles files) throws IOException {
        List<String> paths = files.list(ENVIRONMENTS).stream()
                .filter(p -> p.endsWith(".yaml") || p.endsWith(".yml")).toList();
        return load(files, paths);
    }

    /** The given environment files; environment names must be unique among them. */
    public LoadResult load(RepoFiles files, List<String> paths) throws IOException {
        List<LoadedEnvironment> loaded = new ArrayList<>();
        Map<String, List<Problem>> problems = new LinkedHashMap<>();
        Map<String, LoadedEnvironment> byName = new LinkedHashMap<>();
        for (String path : paths) {
            try {
                LoadedEnvironment env = load(files, path);
                LoadedEnvironment twin = byName.putIfAbsent(env.name(), env);
                if (twin != null) {
                    problems.put(path, List.of(new Problem(path, 1, 1, "/metadata/name", "environment '"
                            + env.name() + "' is also declared in " + twin.file())));
                } else {
                    loaded.add(env);
                }
            } catch (InvalidInputException e) {
                problems.put(path, e.problems());
            }
        }
        if (paths.isEmpty()) {
            problems.put(ENVIRONMENTS, List.of(Problem.inFile(ENVIRONMENTS,
                    "no environment files (*.yaml) found under " + ENVIRONMENTS + "/")));
        }
        return new LoadResult(loaded, problems);
    }

    /** One environment file, or {@link InvalidInputException} with every problem it has. */
    public LoadedEnvironment load(RepoFiles files, String path) throws IOException {
        YamlDocument doc = yaml.readOne(path, files.read(path));
        List<Problem> problems = schema.validate(doc);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Environment env = bind(doc);
        Checks checks = new Checks(doc);
        check(env.spec(), checks);
        List<RawManifest> raw = List.of();
        if (env.spec().kubernetes() != null) {
            try {
                raw = manifests.read(files, env.spec().kubernetes().manifests(),
                        new KubernetesPolicy(env.spec().kubernetes()), checks);
            } catch (InvalidInputException e) {
                checks.problems().addAll(e.problems());
            }
        }
        if (!checks.problems().isEmpty()) {
            throw new InvalidInputException(checks.problems());
        }
        return new LoadedEnvironment(path, env, raw, files.revision());
    }

    private Environment bind(YamlDocument doc) {
        try {
            return mapper.treeToValue(doc.tree(), Environment.class);
        } catch (IOException e) {
            // The schema admits only what the records hold, so this is a schema/record mismatch: our bug.
            throw new UncheckedIOException("the environment model does not match the schema", e);
        }
    }

    private static void check(EnvironmentSpec spec, Checks checks) {
        if (spec.aws() != null) {
            AwsChecks.check(spec.aws(), checks);
        }
        if (spec.kubernetes() != null) {
            KubernetesChecks.check(spec.kubernetes(), checks);
        }
        if (spec.haproxy() != null) {
            HaproxyChecks.check(spec.haproxy(), checks);
        }
    }
}
