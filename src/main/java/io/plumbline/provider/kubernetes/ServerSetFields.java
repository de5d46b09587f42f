package io.plumbline.provider.kubernetes;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes off an object read from the API server what the server set rather than a person wrote: identity and
 * bookkeeping ({@code uid}, {@code resourceVersion}, {@code managedFields}, {@code status}), addresses it allocated
 * (a Service's cluster IPs) and the defaults it filled in, where they equal the default (a container's
 * {@code terminationMessagePath}, a probe's {@code successThreshold}). Leaving a default out of what Plumbline applies
 * changes nothing: server-side apply keeps a field no manifest sets, so the object stays as it is.
 */
final class ServerSetFields {
    private static final Set<String> METADATA = Set.of("uid", "resourceVersion", "generation", "creationTimestamp",
            "managedFields", "selfLink", "ownerReferences");
    private static final Set<String> ANNOTATIONS = Set.of("kubectl.kubernetes.io/last-applied-configuration",
            "deployment.kubernetes.io/revision");
    private static final Map<String, Object> POD_DEFAULTS = Map.of("restartPolicy", "Always",
            "terminationGracePeriodSeconds", 30, "dnsPolicy", "ClusterFirst", "securityContext", Map.of(),
            "schedulerName", "default-scheduler");
    private static final Map<String, Object> CONTAINER_DEFAULTS = Map.of(
            "terminationMessagePath", "/dev/termination-log", "terminationMessagePolicy", "File", "resources", Map.of());
    private static final Map<String, Object> PROBE_DEFAULTS = Map.of("timeoutSeconds", 1, "periodSeconds", 10,
            "successThreshold", 1, "failureThreshold", 3);
    private static final Map<String, Object> WORKLOAD_DEFAULTS = Map.of("progressDeadlineSeconds", 600,
            "revisionHistoryLimit", 10, "strategy", Map.of("type", "RollingUpdate",
                    "rollingUpdate", Map.of("maxSurge", "25%", "maxUnavailable", "25%")));
    private static final Map<String, Object> SERVICE_DEFAULTS = Map.of("sessionAffinity", "None",
            "internalTrafficPolicy", "Cluster", "externalTrafficPolicy", "Cluster");
    private static final Set<String> SERVICE_ALLOCATED = Set.of("clusterIP", "clusterIPs", "ipFamilies",
            "ipFamilyPolicy");

    private ServerSetFields() {
    }

    /** {@code object}, changed in place. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> remove(Map<String, Object> object) {
        object.remove("status");
        if (object.get("metadata") instanceof Map<?, ?> metadata) {
            metadata.keySet().removeAll(METADATA);
            if (metadata.get("annotations") instanceof Map<?, ?> annotations) {
                annotations.keySet().removeAll(ANNOTATIONS);
                if (annotations.isEmpty()) {
                    metadata.remove("annotations");
                }
            }
            if (metadata.get("labels") instanceof Map<?, ?> labels) {
                if (metadata.get("name") instanceof String name && "Namespace".equals(object.get("kind"))) {
                    // the server labels every namespace with its own name
                    labels.remove("kubernetes.io/metadata.name", name);
                }
                if (labels.isEmpty()) {
                    metadata.remove("labels");
                }
            }
        }
        if ("Namespace".equals(object.get("kind"))) {
            object.remove("spec"); // only the server's finalizer
        }
        if (object.get("spec") instanceof Map<?, ?> spec) {
            Map<String, Object> s = (Map<String, Object>) spec;
            if ("Service".equals(object.get("kind"))) {
                s.keySet().removeAll(SERVICE_ALLOCATED);
                dropDefaults(s, SERVICE_DEFAULTS);
                list(s.get("ports")).forEach(p -> dropDefaults(p, Map.of("protocol", "TCP")));
            }
            if (Set.of("Deployment", "StatefulSet", "DaemonSet").contains(object.get("kind"))) {
                dropDefaults(s, WORKLOAD_DEFAULTS);
            }
            pods(s);
        }
        return object;
    }

    /** Every pod template under {@code node} (a Deployment's, a CronJob's job's), cleaned of the pod defaults. */
    @SuppressWarnings("unchecked")
    private static void pods(Map<String, Object> node) {
        if (node.get("metadata") instanceof Map<?, ?> metadata && metadata.get("creationTimestamp") == null) {
            metadata.remove("creationTimestamp");
            if (metadata.isEmpty()) {
                node.remove("metadata");
            }
        }
        if (node.get("containers") instanceof List<?>) {
            dropDefaults(node, POD_DEFAULTS);
            for (String key : List.of("containers", "initContainers")) {
                list(node.get(key)).forEach(ServerSetFields::container);
            }
            return;
        }
        for (Object child : node.values()) {
            if (child instanceof Map<?, ?> map) {
                pods((Map<String, Object>) map);
            }
        }
    }

    private static void container(Map<String, Object> container) {
        dropDefaults(container, CONTAINER_DEFAULTS);
        list(container.get("ports")).forEach(p -> dropDefaults(p, Map.of("protocol", "TCP")));
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            if (container.get(probe) instanceof Map<?, ?> p) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) p;
                dropDefaults(m, PROBE_DEFAULTS);
                if (m.get("httpGet") instanceof Map<?, ?> get) {
                    get.remove("scheme", "HTTP");
                }
            }
        }
    }

    private static void dropDefaults(Map<String, Object> node, Map<String, Object> defaults) {
        for (Iterator<Map.Entry<String, Object>> i = node.entrySet().iterator(); i.hasNext(); ) {
            Map.Entry<String, Object> e = i.next();
            if (defaults.containsKey(e.getKey()) && same(defaults.get(e.getKey()), e.getValue())) {
                i.remove();
            }
        }
    }

    /** Numbers compare by value: JSON reads 30 as an Integer or a Long. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.longValue() == y.longValue() && x.doubleValue() == y.doubleValue();
        }
        return a.equals(b);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object node) {
        return node instanceof List<?> l ? l.stream().filter(Map.class::isInstance)
                .map(m -> (Map<String, Object>) m).toList() : List.of();
    }
}
