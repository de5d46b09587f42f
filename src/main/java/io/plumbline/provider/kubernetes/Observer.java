package io.plumbline.provider.kubernetes;

import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.render.kubernetes.KubernetesKeys;
import io.plumbline.render.kubernetes.KubernetesRenderer;
import io.plumbline.render.kubernetes.Marking;
import io.plumbline.render.kubernetes.Nodes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads the objects an environment declares or owns with one list call per kind and namespace, or none at all
 * from a {@link WatchCache}; never one call per object. Lists are not filtered by Plumbline's label, so an
 * unmarked object with a declared name is seen (and adopted only when allowed, never created over). A kind the
 * server does not serve yet is fine when the environment declares its CustomResourceDefinition (nothing of it
 * exists yet); otherwise it is an error naming the kind.
 *
 * <p>Where to look: every kind and namespace of the desired objects, plus, in each namespace this
 * environment owns, the kinds recorded on it at the last apply (its own, and the environment's cluster-wide
 * ones), so that objects of a kind the environment no longer declares at all, or in a namespace it dropped,
 * are still found and can be pruned. (A namespace
 * delete does not cascade on every API server, fabric8's mock among them, so its objects are pruned one by one.)
 * Objects carrying another environment's marks are left out: they are neither declared nor owned here. What is
 * left out is filtered on the source's own trees, before anything is handed out: an environment's check costs
 * a look at every namespace, not a copy of each (see {@link ObjectSource}). The bodies observed are read-only.
 */
final class Observer {
    private static final String NAMESPACE = "v1/Namespace";
    private final ObjectSource cluster;

    Observer(ObjectSource cluster) {
        this.cluster = cluster;
    }

    List<Resource> observe(String environment, List<Resource> desired) {
        Set<ResourceKey> declared = desired.stream().map(Resource::key).collect(Collectors.toSet());
        Map<String, Set<String>> namespacesByKind = new TreeMap<>();
        desired.stream().map(Resource::key).filter(k -> !k.kind().equals(NAMESPACE))
                .forEach(k -> namespacesByKind.computeIfAbsent(k.kind(), x -> new TreeSet<>()).add(k.namespace()));
        Predicate<Map<String, Object>> ours = ours(environment, declared);
        List<Resource> actual = new ArrayList<>();
        for (Map<String, Object> ns : cluster.list("v1", "Namespace", "", ours)) {
            Resource r = resource(ns, environment);
            if (r.owned()) {
                recordedKinds(ns, KubernetesRenderer.KINDS_ANNOTATION).forEach(kind ->
                        namespacesByKind.computeIfAbsent(kind, x -> new TreeSet<>()).add(r.key().name()));
                recordedKinds(ns, KubernetesRenderer.CLUSTER_KINDS_ANNOTATION).forEach(kind ->
                        namespacesByKind.computeIfAbsent(kind, x -> new TreeSet<>()).add(""));
            }
            actual.add(r);
        }
        Set<String> definedHere = CustomResourceDefinitions.kinds(desired);
        namespacesByKind.forEach((kind, namespaces) -> {
            String apiVersion = kind.substring(0, kind.lastIndexOf('/'));
            String name = kind.substring(kind.lastIndexOf('/') + 1);
            for (String namespace : namespaces) {
                for (Map<String, Object> body : listUnlessDefinedHere(apiVersion, name, namespace, ours,
                        definedHere)) {
                    actual.add(resource(body, environment));
                }
            }
        });
        return actual;
    }

    private List<Map<String, Object>> listUnlessDefinedHere(String apiVersion, String kind, String namespace,
                                                            Predicate<Map<String, Object>> ours,
                                                            Set<String> definedHere) {
        try {
            return cluster.list(apiVersion, kind, namespace, ours);
        } catch (UnknownKindException e) {
            if (definedHere.contains(e.qualifiedKind())) {
                return List.of();
            }
            throw e;
        }
    }

    /**
     * What this environment observes: what it declares and what carries its marks. Asked of every object listed,
     * other environments' among them, so it builds nothing for an object whose name nothing declares.
     */
    private static Predicate<Map<String, Object>> ours(String environment, Set<ResourceKey> declared) {
        Set<Object> names = declared.stream().map(ResourceKey::name).collect(Collectors.toSet());
        return body -> Marking.isOwnedBy(body, environment)
                || names.contains(Nodes.at(body, "metadata", "name")) && declared.contains(KubernetesKeys.of(body));
    }

    private static Resource resource(Map<String, Object> body, String environment) {
        return new Resource(KubernetesKeys.of(body), body, Marking.isOwnedBy(body, environment));
    }

    private static List<String> recordedKinds(Map<String, Object> namespace, String annotation) {
        Object kinds = Nodes.at(namespace, "metadata", "annotations", annotation);
        if (!(kinds instanceof String s) || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split(",")).map(String::trim).filter(k -> k.contains("/")).toList();
    }
}
