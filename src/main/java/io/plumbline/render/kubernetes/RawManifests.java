package io.plumbline.render.kubernetes;

import io.plumbline.model.Problem;
import io.plumbline.model.RawManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that each object of a raw manifest folder is a Kubernetes object this cluster API can serve:
 * a map with a string apiVersion, kind and metadata.name, and for a built-in kind one of the API versions
 * it is served under. Every problem names the manifest's file and line.
 */
final class RawManifests {
    private final KindRegistry kinds;

    RawManifests(KindRegistry kinds) {
        this.kinds = kinds;
    }

    List<Problem> problems(RawManifest manifest) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> object = manifest.object();
        Object apiVersion = object.get("apiVersion");
        Object kind = object.get("kind");
        Object metadata = object.get("metadata");
        if (!(apiVersion instanceof String a) || a.isBlank()) {
            problems.add(problem(manifest, "/apiVersion", "not a Kubernetes object: apiVersion is missing or not text"));
        }
        if (!(kind instanceof String k) || k.isBlank()) {
            problems.add(problem(manifest, "/kind", "not a Kubernetes object: kind is missing or not text"));
        }
        if (!(metadata instanceof Map<?, ?> m) || !(m.get("name") instanceof String n) || n.isBlank()) {
            problems.add(problem(manifest, "/metadata/name", "metadata.name is missing or not text"));
        }
        if (problems.isEmpty()) {
            versionProblem(manifest, (String) apiVersion, (String) kind).ifPresent(problems::add);
        }
        return problems;
    }

    private Optional<Problem> versionProblem(RawManifest manifest, String apiVersion, String kind) {
        if (kind.equals("List") || kind.endsWith("List") && kinds.isKnownKind(kind)) {
            return Optional.of(problem(manifest, "/kind",
                    kind + " is a list; write each object as its own YAML document"));
        }
        Set<String> served = kinds.versionsOf(kind);
        if (!served.isEmpty() && !served.contains(apiVersion)) {
            return Optional.of(problem(manifest, "/apiVersion", "kind " + kind + " is not served as '"
                    + apiVersion + "'; use " + String.join(" or ", served)));
        }
        if (served.isEmpty() && !KindRegistry.isCustomGroup(apiVersion)) {
            return Optional.of(problem(manifest, "/kind", "not a Kubernetes object: no kind '" + kind
                    + "' in '" + apiVersion + "' (custom resources need a group such as example.com/v1)"));
        }
        return Optional.empty();
    }

    static Problem problem(RawManifest manifest, String pointer, String message) {
        return new Problem(manifest.file(), manifest.line(), 1, pointer, message);
    }
}
