package io.plumbline.render.kubernetes;

import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Problem;
import io.plumbline.model.RawManifest;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.model.spec.kubernetes.Application;
import io.plumbline.model.spec.kubernetes.KubernetesSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The desired Kubernetes objects of an environment: its namespaces, each application's objects and the
 * raw manifests, all marked as Plumbline's. Pure: no I/O. A bad raw manifest fails the whole render with
 * {@code file:line} problems, so nothing is applied.
 */
public final class KubernetesRenderer {
    /**
     * On each namespace Plumbline creates: the kinds it declares there, so a later reconcile knows which kinds
     * to look in for objects to prune even after the last object of a kind left the environment.
     */
    public static final String KINDS_ANNOTATION = "plumbline.io/kinds";
    /**
     * On every namespace the environment creates: the cluster-wide kinds it applies, so that when one of them
     * disappears from the environment altogether its objects are still looked for, and pruned.
     */
    public static final String CLUSTER_KINDS_ANNOTATION = "plumbline.io/cluster-kinds";

    private final KindRegistry kinds;

    public KubernetesRenderer(KindRegistry kinds) {
        this.kinds = kinds;
    }

    public KubernetesRenderer() {
        this(KindRegistry.builtIn());
    }

    /** The objects, with custom kinds taken as namespaced: for a look at them without a cluster to ask. */
    public List<Resource> render(LoadedEnvironment env) {
        return render(env, kinds::isNamespaced);
    }

    /**
     * The objects, each kind placed as {@code scope} says. A raw manifest of a custom kind that is cluster-scoped
     * needs an {@code allow} entry like a built-in one (loading, which cannot ask a server, checked those).
     */
    public List<Resource> render(LoadedEnvironment env, KindScope scope) {
        KubernetesSpec spec = env.environment().spec().kubernetes();
        if (spec == null) {
            return List.of();
        }
        String environment = env.name();
        String defaultNamespace = spec.namespaces().isEmpty() ? "default" : spec.namespaces().get(0);
        List<Problem> problems = new ArrayList<>();
        Map<ResourceKey, Resource> objects = new LinkedHashMap<>();
        for (Application app : spec.applications()) {
            String namespace = app.namespace() == null ? defaultNamespace : app.namespace();
            for (Map<String, Object> body : new ApplicationRender(app, namespace, environment, env.secrets()).bodies()) {
                add(objects, Marking.mark(body, environment), problems, Problem.inFile(env.file(),
                        "application " + app.name() + " declares an object that is declared twice"));
            }
        }
        RawManifests raw = new RawManifests(kinds);
        for (RawManifest manifest : env.manifests()) {
            List<Problem> found = raw.problems(manifest);
            if (found.isEmpty()) {
                clusterKindRefusal(spec, manifest, scope).ifPresent(found::add);
            }
            if (found.isEmpty()) {
                add(objects, Marking.mark(placed(manifest, defaultNamespace, scope), environment), problems,
                        RawManifests.problem(manifest, "/metadata/name", "this object is declared twice"));
            }
            problems.addAll(found);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Resource> out = new ArrayList<>();
        TreeSet<String> clusterKinds = objects.keySet().stream().filter(k -> k.namespace().isEmpty())
                .map(ResourceKey::kind).filter(k -> !k.equals("v1/Namespace"))
                .collect(Collectors.toCollection(TreeSet::new));
        namespaceKinds(spec, objects).forEach((namespace, kindsThere) -> out.add(namespace(namespace, kindsThere,
                clusterKinds, environment)));
        // a namespace the raw manifests declare themselves is theirs, as written
        out.removeIf(n -> objects.containsKey(n.key()));
        out.addAll(objects.values());
        return out;
    }

    private static void add(Map<ResourceKey, Resource> objects, Map<String, Object> body, List<Problem> problems,
                            Problem ifDuplicate) {
        ResourceKey key = KubernetesKeys.of(body);
        if (objects.putIfAbsent(key, Resource.desired(key, body)) != null) {
            problems.add(new Problem(ifDuplicate.file(), ifDuplicate.line(), ifDuplicate.column(),
                    ifDuplicate.pointer(), ifDuplicate.message() + ": " + key));
        }
    }

    /** A copy of the manifest's object with its namespace settled: defaulted, or removed for cluster-wide kinds. */
    private static Map<String, Object> placed(RawManifest manifest, String defaultNamespace, KindScope scope) {
        Map<String, Object> body = Nodes.copy(manifest.object());
        Map<String, Object> metadata = Nodes.child(body, "metadata");
        if (scope.namespaced((String) body.get("apiVersion"), (String) body.get("kind"))) {
            metadata.putIfAbsent("namespace", defaultNamespace);
        } else {
            metadata.remove("namespace");
        }
        return body;
    }

    private java.util.Optional<Problem> clusterKindRefusal(KubernetesSpec spec, RawManifest manifest,
                                                           KindScope scope) {
        String apiVersion = (String) manifest.object().get("apiVersion");
        String kind = (String) manifest.object().get("kind");
        if (kinds.isServed(apiVersion, kind) || scope.namespaced(apiVersion, kind)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(spec.clusterKindRefusal(KubernetesSpec.groupKind(apiVersion, kind)))
                .map(refusal -> RawManifests.problem(manifest, "/kind", refusal));
    }

    private static Map<String, TreeSet<String>> namespaceKinds(KubernetesSpec spec, Map<ResourceKey, Resource> objects) {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        spec.namespaces().forEach(n -> out.put(n, new TreeSet<>()));
        objects.keySet().stream().filter(k -> out.containsKey(k.namespace()))
                .forEach(k -> out.get(k.namespace()).add(k.kind()));
        return out;
    }

    private static Resource namespace(String name, TreeSet<String> kindsThere, TreeSet<String> clusterKinds,
                                      String environment) {
        Map<String, Object> body = Nodes.map("apiVersion", "v1", "kind", "Namespace", "metadata", Nodes.map(
                "name", name, "annotations", Nodes.map(KINDS_ANNOTATION, String.join(",", kindsThere),
                        CLUSTER_KINDS_ANNOTATION, String.join(",", clusterKinds))));
        Marking.mark(body, environment);
        return Resource.desired(KubernetesKeys.of(body), body);
    }
}
