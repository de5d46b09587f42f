package io.plumbline.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.Printable;
import io.plumbline.model.Problem;
import io.plumbline.model.RawManifest;
import io.plumbline.model.RepoFiles;
import io.plumbline.model.UnreadableFileException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the raw manifest folders an environment names. Each document must at least look like a
 * Kubernetes object (apiVersion, kind, metadata.name); the Kubernetes provider checks the rest.
 */
final class ManifestReader {
    private static final Pattern API_VERSION = Pattern.compile("^([a-z0-9]([a-z0-9.-]*[a-z0-9])?/)?v[0-9]+((alpha|beta)[0-9]+)?$");
    private static final Pattern KIND = Pattern.compile("^[A-Z][A-Za-z0-9]*$");
    private static final Pattern NAME = Pattern.compile("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final YamlReader yaml;

    ManifestReader(YamlReader yaml) {
        this.yaml = yaml;
    }

    /**
     * The objects of {@code folders}; each must be one {@code policy} allows. Problems of the files are thrown
     * together; a folder that cannot be listed is a problem at its pointer.
     */
    List<RawManifest> read(RepoFiles files, List<String> folders, KubernetesPolicy policy, Checks checks) {
        List<RawManifest> manifests = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < folders.size(); i++) {
            String at = "/spec/kubernetes/manifests/" + i;
            List<String> entries;
            try {
                entries = files.list(folders.get(i));
            } catch (UnreadableFileException e) {
                checks.at(at, "the folder '" + folders.get(i) + "' cannot be read: " + e.reason());
                continue;
            } catch (IOException e) {
                checks.at(at, "the folder '" + folders.get(i) + "' cannot be read: " + Printable.escape(String.valueOf(e)));
                continue;
            }
            List<String> paths = entries.stream()
                    .filter(p -> p.endsWith(".yaml") || p.endsWith(".yml") || p.endsWith("/")).toList();
            if (paths.isEmpty()) {
                checks.at(at, "the folder '" + folders.get(i) + "' holds no .yaml or .yml files (or does not exist)");
            }
            for (String path : paths) {
                try {
                    if (path.endsWith("/")) {
                        throw new InvalidInputException(Problem.inFile(Printable.escape(path),
                                EnvironmentFiles.UNREADABLE_FOLDER));
                    }
                    for (YamlDocument doc : yaml.readAll(path, Unreadable.read(files, path))) {
                        check(doc, policy, problems).ifPresent(manifests::add);
                    }
                } catch (InvalidInputException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return manifests;
    }

    @SuppressWarnings("unchecked")
    private static Optional<RawManifest> check(YamlDocument doc, KubernetesPolicy policy, List<Problem> problems) {
        JsonNode tree = doc.tree();
        Positions.At start = doc.positions().valueOf("");
        int before = problems.size();
        if (!tree.isObject()) {
            problems.add(new Problem(doc.file(), start.line(), start.column(), "",
                    "not a Kubernetes object: expected a mapping with apiVersion, kind and metadata"));
            return Optional.empty();
        }
        require(doc, "/apiVersion", API_VERSION, "an apiVersion such as v1 or apps/v1", problems);
        require(doc, "/kind", KIND, "a kind such as ConfigMap or Deployment", problems);
        require(doc, "/metadata/name", NAME, "a lower-case DNS name", problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        JsonNode namespace = tree.at("/metadata/namespace");
        Optional<String> refusal = policy.refusal(tree.get("apiVersion").asText(), tree.get("kind").asText(),
                tree.at("/metadata/name").asText(), namespace.isTextual() ? namespace.asText() : null);
        if (refusal.isPresent()) {
            Positions.At at = doc.positions().valueOf(namespace.isTextual() ? "/metadata/namespace" : "/kind");
            problems.add(new Problem(doc.file(), at.line(), at.column(), "/kind", refusal.get()));
            return Optional.empty();
        }
        return Optional.of(new RawManifest(doc.file(), start.line(), JSON.convertValue(tree, Map.class)));
    }

    private static void require(YamlDocument doc, String pointer, Pattern pattern, String expected,
                                List<Problem> problems) {
        JsonNode value = doc.tree().at(pointer);
        Positions.At at = doc.positions().valueOf(pointer);
        if (value.isMissingNode() || value.isNull()) {
            problems.add(new Problem(doc.file(), at.line(), at.column(), pointer,
                    "missing " + pointer.substring(1).replace('/', '.') + ": expected " + expected));
        } else if (!value.isTextual() || !pattern.matcher(value.asText()).matches()) {
            problems.add(new Problem(doc.file(), at.line(), at.column(), pointer,
                    "invalid value '" + value.asText() + "': expected " + expected));
        }
    }
}
