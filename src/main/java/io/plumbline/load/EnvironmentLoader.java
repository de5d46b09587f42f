package io.plumbline.load;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Printable;
import io.plumbline.model.Problem;
import io.plumbline.model.RawManifest;
import io.plumbline.model.RepoFiles;
import io.plumbline.model.SecretValues;
import io.plumbline.model.spec.Environment;
import io.plumbline.model.spec.EnvironmentSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads environment files completely or not at all: YAML with positions, the schema, the semantic checks,
 * then the raw manifests and policy documents they name. Every problem of a file is reported at once.
 */
public final class EnvironmentLoader {
    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentLoader.class);
    /** Where environment files live in a configuration repository. */
    public static final String ENVIRONMENTS = EnvironmentFiles.FOLDER;

    private final YamlReader yaml;
    private final SchemaValidator schema = new SchemaValidator();
    private final ManifestReader manifests;
    private final PolicyFiles policies = new PolicyFiles(schema);
    private final ObjectMapper mapper = SpecBinding.mapper();
    /**
     * The last good load of each environment file, with what it read: a commit that changes one environment of a
     * hundred parses and validates that one, and the others are taken as they were (at the new revision) once the
     * same reads give the same bytes. Only inputs are remembered, never what a target looked like.
     */
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();
    private final AtomicLong parses = new AtomicLong();

    private record Loaded(RecordedReads reads, LoadedEnvironment environment) {
    }

    public EnvironmentLoader(YamlLimits limits) {
        this.yaml = new YamlReader(limits);
        this.manifests = new ManifestReader(yaml);
    }

    public EnvironmentLoader() {
        this(YamlLimits.DEFAULT);
    }

    /**
     * Every environment file under {@code environments/}. Problems of the input, in any file, are in the result,
     * never thrown.
     *
     * @throws IOException only when the revision cannot be read at all (the repository itself is damaged)
     */
    public LoadResult loadAll(RepoFiles files) throws IOException {
        EnvironmentFiles found = EnvironmentFiles.in(files);
        this.loaded.keySet().retainAll(Set.copyOf(found.paths()));
        LoadResult loaded = load(files, found.paths());
        Map<String, List<Problem>> problems = new LinkedHashMap<>(found.problems());
        problems.putAll(loaded.problems());
        return new LoadResult(loaded.environments(), problems);
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
                problems.put(Printable.escape(path), e.problems());
            } catch (RuntimeException | StackOverflowError e) {
                // A fault of ours, not of the file: still a problem of this file alone, so the others load.
                LOG.error("loading {} failed unexpectedly", Printable.escape(path), e);
                problems.put(Printable.escape(path), List.of(Problem.inFile(Printable.escape(path),
                        "could not be loaded: an internal error (" + e.getClass().getSimpleName()
                                + "); the service's log has the details")));
            }
        }
        return new LoadResult(loaded, problems);
    }

    /**
     * One environment file, or {@link InvalidInputException} with every problem it has, a file that cannot be
     * read included.
     */
    public LoadedEnvironment load(RepoFiles files, String path) {
        Loaded before = loaded.get(path);
        if (before != null && before.reads().sameAnswers(files)) {
            LoadedEnvironment env = before.environment();
            return new LoadedEnvironment(env.file(), env.environment(), env.manifests(), files.revision(), env.files(),
                    env.secrets());
        }
        RecordedReads reads = new RecordedReads(files);
        LoadedEnvironment env = parse(reads, path);
        loaded.put(path, new Loaded(reads, env));
        return env;
    }

    /** Environment files parsed and checked so far; a file that reads the same as at its last load is not. */
    public long parses() {
        return parses.get();
    }

    private LoadedEnvironment parse(RepoFiles files, String path) {
        parses.incrementAndGet();
        YamlDocument doc = yaml.readOne(path, Unreadable.read(files, path));
        List<Problem> problems = schema.validate(doc);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Checks checks = new Checks(doc);
        Environment env = bind(doc, checks);
        DurationChecks.check(doc, checks);
        if (!checks.problems().isEmpty()) {
            throw new InvalidInputException(checks.problems());
        }
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
        Map<String, String> texts = new LinkedHashMap<>();
        if (env.spec().aws() != null) {
            texts.putAll(policies.read(files, env.spec().aws(), checks));
            texts.putAll(UserDataFiles.read(files, env.spec().aws(), checks));
        }
        SecretValues secrets = SecretChecks.read(files, env.spec(), checks, texts);
        if (!checks.problems().isEmpty()) {
            throw new InvalidInputException(checks.problems());
        }
        return new LoadedEnvironment(path, env, raw, files.revision(), Map.copyOf(texts), secrets);
    }

    /**
     * The schema admits only what the records hold; where a value still does not fit (a number the schema let
     * through that Java cannot hold), it is a problem at that value, not a crash.
     */
    private Environment bind(YamlDocument doc, Checks checks) {
        try {
            return mapper.treeToValue(doc.tree(), Environment.class);
        } catch (JsonMappingException e) {
            checks.at(pointer(e), "does not fit: " + e.getOriginalMessage());
            throw new InvalidInputException(checks.problems());
        } catch (IOException e) {
            throw new InvalidInputException(Problem.inFile(doc.file(), "cannot be read: " + e.getMessage()));
        }
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            out.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
        }
        return out.toString();
    }

    private static void check(EnvironmentSpec spec, Checks checks) {
        SyncChecks.check(spec.sync(), checks);
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
