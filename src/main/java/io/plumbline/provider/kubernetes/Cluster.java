package io.plumbline.provider.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.plumbline.model.Marks;
import io.plumbline.model.ResourceKey;
import io.plumbline.render.kubernetes.KindRegistry;
import io.plumbline.render.kubernetes.KubernetesKeys;
import io.plumbline.render.kubernetes.Nodes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The provider's one door to the API server: typed by {@link ResourceKey}, speaking plain map trees, and
 * counting every call it makes.
 */
final class Cluster implements ObjectSource {
    private final KubernetesClient client;
    private final KindRegistry kinds;
    private final ApiCalls calls = new ApiCalls();
    private final CustomKinds customKinds;
    private final Map<ResourceKey, String> recentWrites = new ConcurrentHashMap<>();
    static final String DELETED = "(deleted)";

    Cluster(KubernetesClient client, KindRegistry kinds) {
        this.client = client;
        this.kinds = kinds;
        this.customKinds = new CustomKinds(client, calls);
    }

    ApiCalls calls() {
        return calls;
    }

    /**
     * Whether objects of a kind live in a namespace: a built-in kind's scope is the model's, a custom kind's is what
     * the server's discovery says.
     *
     * @throws UnknownKindException when the server does not serve the kind
     */
    boolean isNamespaced(String apiVersion, String kind) {
        return kinds.isServed(apiVersion, kind) ? kinds.isNamespaced(apiVersion, kind)
                : customKinds.context(apiVersion, kind).isNamespaceScoped();
    }

    /** Looks kinds up again: new CustomResourceDefinitions were established. */
    void forgetDiscovery() {
        customKinds.forget();
    }

    /**
     * The objects of one kind in one namespace ({@code ""} for cluster-wide kinds) that {@code keep} accepts: one
     * list call. The server answers with every object of the kind and namespace, each converted here; the trees
     * kept are fresh ones, the caller's own.
     */
    @Override
    public List<Map<String, Object>> list(String apiVersion, String kind, String namespace,
                                          Predicate<Map<String, Object>> keep) {
        return list(apiVersion, kind, namespace, Map.of()).stream().filter(keep).toList();
    }

    /** Plumbline's objects of one kind in one namespace: one list call. */
    List<Map<String, Object>> listOwned(String apiVersion, String kind, String namespace) {
        return list(apiVersion, kind, namespace, Map.of(Marks.MANAGED_BY_LABEL, Marks.MANAGED_BY_VALUE));
    }

    List<Map<String, Object>> list(String apiVersion, String kind, String namespace, Map<String, String> labels) {
        calls.list();
        try {
            return trees(in(apiVersion, kind, namespace).withLabels(labels).list().getItems(), apiVersion, kind);
        } catch (KubernetesClientException e) {
            // fabric8 names the read for some failures only (not for a broken connection): the failure names it always
            throw new KubernetesClientException("Operation: [list]  for kind: [" + kind + "]  in namespace: ["
                    + namespace + "]  failed.", e, e.getCode(), e.getStatus(), null);
        }
    }

    /**
     * A started informer on the objects of one kind in one namespace: one list call, then one watch that keeps
     * its store current.
     */
    SharedIndexInformer<GenericKubernetesResource> inform(String apiVersion, String kind, String namespace) {
        calls.list();
        calls.watch();
        return in(apiVersion, kind, namespace).inform();
    }

    /** As plain trees; API servers leave apiVersion and kind off the items of a list. */
    List<Map<String, Object>> trees(List<GenericKubernetesResource> items, String apiVersion, String kind) {
        return items.stream().map(item -> {
            Map<String, Object> body = tree(item);
            body.putIfAbsent("apiVersion", apiVersion);
            body.putIfAbsent("kind", kind);
            return body;
        }).toList();
    }

    /**
     * What this provider wrote since the last call: each object's new resourceVersion, or {@link #DELETED}. A
     * watch cache compares its store with it to know whether it has caught up with our own writes.
     */
    Map<ResourceKey, String> takeRecentWrites() {
        Map<ResourceKey, String> out = new HashMap<>(recentWrites);
        out.keySet().forEach(recentWrites::remove);
        return out;
    }

    private Map<String, Object> wrote(ResourceKey key, Map<String, Object> result) {
        Object version = Nodes.at(result, "metadata", "resourceVersion");
        recentWrites.put(key, version == null ? "" : version.toString());
        return result;
    }

    /** The object as the server has it now, or null. */
    Map<String, Object> get(ResourceKey key) {
        calls.get();
        GenericKubernetesResource found = named(key).get();
        return found == null ? null : tree(found);
    }

    /**
     * A server-side apply of {@code body} by {@code fieldManager}.
     *
     * @param force  take fields other managers own (Git wins); without it the server refuses with 409 Conflict
     * @param dryRun ask only what the server would do: nothing is stored
     * @return the object as the server stored it (or would have)
     */
    Map<String, Object> serverSideApply(ResourceKey key, Map<String, Object> body, String fieldManager, boolean force,
                                        boolean dryRun) {
        if (dryRun) {
            calls.dryRun();
        } else {
            calls.write();
        }
        var resource = in(key).resource(generic(body));
        var apply = (dryRun ? resource.dryRun() : resource).fieldManager(fieldManager);
        Map<String, Object> result = tree(force ? apply.forceConflicts().serverSideApply() : apply.serverSideApply());
        return dryRun ? result : wrote(key, result);
    }

    /**
     * The object as the server has it now, or null, read by a list of the one name: the service account may list
     * the kinds it writes, not get them.
     */
    Map<String, Object> reread(ResourceKey key) {
        calls.list();
        List<GenericKubernetesResource> found = in(key).withField("metadata.name", key.name()).list().getItems();
        return found.isEmpty() ? null : trees(found, KubernetesKeys.apiVersion(key), KubernetesKeys.kind(key)).get(0);
    }

    /** Whether this client may list a discovered kind in a namespace (a self-review, which every client may make). */
    boolean mayList(ResourceDefinitionContext kind, String namespace) {
        calls.get();
        var review = new io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder()
                .withNewSpec().withNewResourceAttributes().withVerb("list").withGroup(kind.getGroup())
                .withResource(kind.getPlural()).withNamespace(namespace).endResourceAttributes().endSpec().build();
        return client.authorization().v1().selfSubjectAccessReview().create(review).getStatus().getAllowed();
    }

    /**
     * Deletes the object on the condition that it is still at {@code resourceVersion}: the server refuses with 409
     * Conflict when it was written (or deleted and made again) since that version was read.
     */
    void delete(ResourceKey key, String resourceVersion) {
        calls.write();
        recentWrites.put(key, DELETED);
        // fabric8 deletes with propagation Background by default: dependents go after, as the garbage collector goes
        named(key).lockResourceVersion(resourceVersion).delete();
    }

    /** Every namespaced kind the server serves and lists, at each group's preferred version (from discovery). */
    List<ResourceDefinitionContext> namespacedKinds() {
        List<String> versions = new java.util.ArrayList<>(List.of("v1"));
        calls.get();
        client.getApiGroups().getGroups().forEach(g -> versions.add(g.getPreferredVersion().getGroupVersion()));
        List<ResourceDefinitionContext> out = new java.util.ArrayList<>();
        for (String version : versions) {
            calls.get();
            for (var r : client.getApiResources(version).getResources()) {
                if (Boolean.TRUE.equals(r.getNamespaced()) && !r.getName().contains("/")
                        && r.getVerbs().contains("list")) {
                    out.add(ResourceDefinitionContext.fromApiResource(version, r));
                }
            }
        }
        return out;
    }

    /** Every object of one discovered kind in one namespace: one list call. */
    List<Map<String, Object>> listIn(ResourceDefinitionContext kind, String namespace) {
        calls.list();
        String apiVersion = kind.getGroup() == null || kind.getGroup().isEmpty() ? kind.getVersion()
                : kind.getGroup() + "/" + kind.getVersion();
        return trees(client.genericKubernetesResources(kind).inNamespace(namespace).list().getItems(), apiVersion,
                kind.getKind());
    }

    private Resource<GenericKubernetesResource> named(ResourceKey key) {
        return in(key).withName(key.name());
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> in(ResourceKey key) {
        return in(KubernetesKeys.apiVersion(key), KubernetesKeys.kind(key), key.namespace());
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> in(String apiVersion, String kind, String namespace) {
        if (kinds.isServed(apiVersion, kind)) {
            var all = client.genericKubernetesResources(apiVersion, kind);
            return kinds.isNamespaced(apiVersion, kind) && !namespace.isEmpty() ? all.inNamespace(namespace) : all;
        }
        ResourceDefinitionContext context = customKinds.context(apiVersion, kind);
        var all = client.genericKubernetesResources(context);
        return context.isNamespaceScoped() && !namespace.isEmpty() ? all.inNamespace(namespace) : all;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> tree(GenericKubernetesResource resource) {
        return client.getKubernetesSerialization().convertValue(resource, Map.class);
    }

    private GenericKubernetesResource generic(Map<String, Object> body) {
        return client.getKubernetesSerialization().convertValue(body, GenericKubernetesResource.class);
    }
}
