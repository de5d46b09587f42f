package io.plumbline.provider.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.plumbline.importer.ImportedPart;
import io.plumbline.importer.LeftOut;
import io.plumbline.importer.YamlText;
import io.plumbline.model.ResourceKey;
import io.plumbline.render.kubernetes.KindRegistry;
import io.plumbline.render.kubernetes.KubernetesKeys;
import io.plumbline.render.kubernetes.Marking;
import io.plumbline.render.kubernetes.Nodes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads namespaces of a live cluster into raw manifests under {@code manifests/<environment>/<namespace>/}, one file
 * per object, each with the adoption annotation and a comment naming its uid: every namespaced kind the server lists
 * (from discovery), so nothing hand-made is missed. Only lists and reads: it sends no write, no dry run.
 *
 * <p>Left out, as going with something else or as the control plane's: objects that name an owner (ReplicaSets,
 * Pods, a Service's EndpointSlices), objects being deleted, Events, a Service's Endpoints, the {@code default}
 * ServiceAccount and the {@code kube-root-ca.crt} ConfigMap. A Pod without an owner is named in the report. Secrets are never copied: the report names each one,
 * and the manifests that use it keep referring to it by name. Objects carrying another environment's marks are
 * left to that environment.
 */
public final class KubernetesImport {
    private static final Set<String> CONTROL_PLANE = Set.of("v1/ServiceAccount default", "v1/ConfigMap kube-root-ca.crt");
    private static final Set<String> GO_WITH_OTHERS = Set.of("Event", "Endpoints", "EndpointSlice",
            "ControllerRevision", "PodMetrics", "Lease");

    private final Cluster cluster;
    private final String environment;
    private final Map<String, String> files = new TreeMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<LeftOut> left = new ArrayList<>();

    private KubernetesImport(KubernetesClient client, String environment) {
        this.cluster = new Cluster(client, KindRegistry.builtIn());
        this.environment = environment;
    }

    /**
     * @param namespaces  the namespaces to read, in the order written
     * @param environment the environment's name, which the manifests' folder is named after
     */
    public static ImportedPart read(KubernetesClient client, List<String> namespaces, String environment) {
        KubernetesImport in = new KubernetesImport(client, environment);
        List<ResourceDefinitionContext> kinds = in.cluster.namespacedKinds();
        for (String namespace : namespaces) {
            in.namespace(namespace, kinds);
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("namespaces", List.copyOf(namespaces));
        section.put("manifests", List.of(folder(environment)));
        // Namespace objects are written as raw manifests (to carry the adoption annotation): a cluster-wide kind
        section.put("allow", List.of(Map.of("kind", "Namespace")));
        return new ImportedPart("kubernetes", "read from the cluster's namespaces " + String.join(", ", namespaces),
                section, in.files, in.counts, in.left);
    }

    private static String folder(String environment) {
        return "manifests/" + environment;
    }

    private void namespace(String namespace, List<ResourceDefinitionContext> kinds) {
        Map<String, Object> ns;
        try {
            ns = cluster.get(ResourceKey.of(KubernetesKeys.PROVIDER, "v1/Namespace", "", namespace));
        } catch (KubernetesClientException e) {
            throw new IllegalStateException("cannot read namespace " + namespace + ": " + e.getMessage(), e);
        }
        if (ns == null) {
            throw new IllegalArgumentException("no namespace " + namespace + " in the cluster");
        }
        write(namespace, ns);
        Set<Object> seen = new HashSet<>();
        for (ResourceDefinitionContext kind : kinds) {
            if (GO_WITH_OTHERS.contains(kind.getKind())) {
                continue;
            }
            List<Map<String, Object>> objects;
            try {
                objects = cluster.listIn(kind, namespace);
            } catch (KubernetesClientException e) {
                left.add(new LeftOut(kind.getKind() + " in " + namespace, "cannot list it (HTTP " + e.getCode()
                        + "): what could not be read is not in the file"));
                continue;
            }
            for (Map<String, Object> object : objects) {
                // a kind served by two groups (events, ingresses in old servers) lists the same objects twice
                if (seen.add(Nodes.at(object, "metadata", "uid"))) {
                    take(namespace, object);
                }
            }
        }
    }

    private void take(String namespace, Map<String, Object> object) {
        String kind = (String) object.get("kind");
        String name = String.valueOf(Nodes.at(object, "metadata", "name"));
        String id = object.get("apiVersion") + "/" + kind + " " + namespace + "/" + name;
        if (Nodes.at(object, "metadata", "ownerReferences") instanceof List<?> owners && !owners.isEmpty()
                || Nodes.at(object, "metadata", "deletionTimestamp") != null
                || CONTROL_PLANE.contains(object.get("apiVersion") + "/" + kind + " " + name)) {
            return;
        }
        String owner = Marking.owner(object);
        if (owner != null && !owner.equals(environment)) {
            left.add(new LeftOut(id, "carries the marks of environment " + owner + ", which keeps it"));
            return;
        }
        if (kind.equals("Pod")) {
            left.add(new LeftOut(id, "a Pod without an owner, which Plumbline would have to replace to change: it"
                    + " stays as it is; declare a Deployment for it instead"));
            return;
        }
        if (kind.equals("Secret")) {
            Object type = object.get("type");
            left.add(new LeftOut(kind + " " + namespace + "/" + name, "a Secret" + (type == null ? "" : " (" + type
                    + ")") + ": its value is never written; it stays in the cluster as it is, and the manifests"
                    + " that use it still name it. Keep it in a secret store, not in Git"));
            count("Secret (referenced, not copied)");
            return;
        }
        write(namespace, object);
    }

    private void write(String namespace, Map<String, Object> live) {
        Map<String, Object> object = ServerSetFields.remove(Nodes.copy(live));
        String kind = (String) object.get("kind");
        String name = String.valueOf(Nodes.at(object, "metadata", "name"));
        Object uid = Nodes.at(live, "metadata", "uid");
        Nodes.child(Nodes.child(object, "metadata"), "annotations").put(Marking.ADOPT_ANNOTATION, "true");
        String file = folder(environment) + "/" + namespace + "/" + kind.toLowerCase(java.util.Locale.ROOT) + "-"
                + name + ".yaml";
        files.put(file, "# " + object.get("apiVersion") + " " + kind + " " + (kind.equals("Namespace") ? name
                : namespace + "/" + name) + ", uid " + uid + "\n" + YamlText.document(object));
        count(kind);
    }

    private void count(String kind) {
        counts.merge(kind, 1, Integer::sum);
    }
}
