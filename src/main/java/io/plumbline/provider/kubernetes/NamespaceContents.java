package io.plumbline.provider.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.plumbline.render.kubernetes.KubernetesKeys;
import io.plumbline.render.kubernetes.Marking;
import io.plumbline.render.kubernetes.Nodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What deleting a namespace would take with it: every object of every namespaced kind the server serves and lists
 * (from discovery, not from a list of our own), sorted into this environment's and everyone else's. Left out, as
 * going with what they belong to: objects that name an owner (a Deployment's ReplicaSets and Pods go with it, and
 * are judged through it), objects already being deleted, Events, and what the control plane puts in every
 * namespace (the {@code default} ServiceAccount, the {@code kube-root-ca.crt} ConfigMap, the Endpoints of a
 * Service). A kind Plumbline may not list (asked first, so the server records no refusal) or that fails to list
 * counts as foreign: what cannot be seen cannot be shown to be ours. With the shipped RBAC, which lists only the
 * kinds Plumbline writes and never Secrets, every namespace is therefore kept.
 */
final class NamespaceContents {
    /** How many foreign objects a note names before it counts the rest. */
    static final int NAMED = 5;
    private static final Set<String> EVERY_NAMESPACE = Set.of("v1/ServiceAccount default",
            "v1/ConfigMap kube-root-ca.crt");

    /**
     * @param foreign what does not carry this environment's marks, each as {@code <kind> <name>}
     * @param unseen  the kinds ({@code group/Kind}) Plumbline may not or could not list here
     * @param owned   the objects that carry the marks, as the server has them
     */
    record Held(List<String> foreign, List<String> unseen, List<Map<String, Object>> owned) {
        /** Whether deleting the namespace could take something that is not this environment's. */
        boolean keeps() {
            return !foreign.isEmpty() || !unseen.isEmpty();
        }

        /** The plan's note for a namespace kept: the foreign objects (the first {@link #NAMED}), the kinds unseen. */
        String note() {
            List<String> why = new ArrayList<>();
            if (!foreign.isEmpty()) {
                why.add("it holds objects without this environment's marks: "
                        + String.join(", ", foreign.subList(0, Math.min(NAMED, foreign.size())))
                        + (foreign.size() > NAMED ? " and " + (foreign.size() - NAMED) + " more" : ""));
            }
            if (!unseen.isEmpty()) {
                why.add("Plumbline cannot list what it holds of " + String.join(", ", unseen));
            }
            return "kept, not deleted: " + String.join("; ", why);
        }
    }

    private final Cluster cluster;

    NamespaceContents(Cluster cluster) {
        this.cluster = cluster;
    }

    Held of(String namespace, String environment) {
        Map<Object, Map<String, Object>> objects = new LinkedHashMap<>();
        List<String> unseen = new ArrayList<>();
        for (ResourceDefinitionContext kind : cluster.namespacedKinds()) {
            if (kind.getKind().equals("Event")) {
                continue;
            }
            String kindName = (kind.getGroup() == null || kind.getGroup().isEmpty() ? "" : kind.getGroup() + "/")
                    + kind.getKind();
            if (!cluster.mayList(kind, namespace)) {
                unseen.add(kindName + " (not allowed)");
                continue;
            }
            try {
                cluster.listIn(kind, namespace).forEach(o -> objects.putIfAbsent(uid(o), o));
            } catch (KubernetesClientException e) {
                unseen.add(kindName + " (HTTP " + e.getCode() + ")");
            }
        }
        Set<String> services = new java.util.HashSet<>();
        objects.values().stream().filter(o -> KubernetesKeys.of(o).kind().equals("v1/Service"))
                .forEach(o -> services.add(name(o)));
        List<String> foreign = new ArrayList<>();
        List<Map<String, Object>> owned = new ArrayList<>();
        for (Map<String, Object> o : objects.values()) {
            String kind = KubernetesKeys.of(o).kind();
            if (goesWithSomethingElse(o) || EVERY_NAMESPACE.contains(kind + " " + name(o))
                    || kind.equals("v1/Endpoints") && (services.contains(name(o)) || mirrorsOurs(o, environment))) {
                continue;
            }
            if (Marking.isOwnedBy(o, environment)) {
                owned.add(o);
            } else {
                foreign.add(kind + " " + name(o));
            }
        }
        return new Held(List.copyOf(foreign), List.copyOf(unseen), List.copyOf(owned));
    }

    private static boolean goesWithSomethingElse(Map<String, Object> o) {
        return Nodes.at(o, "metadata", "deletionTimestamp") != null
                || Nodes.at(o, "metadata", "ownerReferences") instanceof List<?> owners && !owners.isEmpty();
    }

    /**
     * Endpoints the control plane keeps for a Service copy its labels and name it as their manager; the Service
     * may be gone already (deleted a moment before its namespace), its Endpoints not yet.
     */
    private static boolean mirrorsOurs(Map<String, Object> endpoints, String environment) {
        return Nodes.at(endpoints, "metadata", "labels", "endpoints.kubernetes.io/managed-by") != null
                || Marking.labelsOwnedBy(endpoints, environment);
    }

    private static Object uid(Map<String, Object> o) {
        return Nodes.at(o, "metadata", "uid");
    }

    private static String name(Map<String, Object> o) {
        return String.valueOf(Nodes.at(o, "metadata", "name"));
    }
}
