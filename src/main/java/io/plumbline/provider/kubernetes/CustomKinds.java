package io.plumbline.provider.kubernetes;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the API serves a kind that fabric8 does not know (a custom resource): asked from the server's discovery
 * document and remembered once found. A kind not found is not remembered, so it is looked up again once its
 * CustomResourceDefinition exists ({@link #forget} after applying definitions).
 */
final class CustomKinds {
    private final KubernetesClient client;
    private final ApiCalls calls;
    private final Map<String, ResourceDefinitionContext> known = new ConcurrentHashMap<>();

    CustomKinds(KubernetesClient client, ApiCalls calls) {
        this.client = client;
        this.calls = calls;
    }

    /**
     * @throws UnknownKindException  when the server does not serve the kind
     * @throws DiscoveryException    when the server's discovery document cannot be read
     */
    ResourceDefinitionContext context(String apiVersion, String kind) {
        return known.computeIfAbsent(apiVersion + "/" + kind, k -> discover(apiVersion, kind));
    }

    void forget() {
        known.clear();
    }

    private ResourceDefinitionContext discover(String apiVersion, String kind) {
        APIResourceList resources;
        try {
            calls.get();
            resources = client.getApiResources(apiVersion);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                throw new UnknownKindException(apiVersion, kind);
            }
            throw new DiscoveryException(apiVersion, kind, e);
        }
        if (resources != null) {
            for (APIResource r : resources.getResources()) {
                if (kind.equals(r.getKind()) && !r.getName().contains("/")) {
                    return ResourceDefinitionContext.fromApiResource(apiVersion, r);
                }
            }
        }
        throw new UnknownKindException(apiVersion, kind);
    }

    /** Discovery failed for a reason other than the kind being absent: worth trying again. */
    static final class DiscoveryException extends RuntimeException {
        DiscoveryException(String apiVersion, String kind, KubernetesClientException cause) {
            super("cannot discover kind " + kind + " of " + apiVersion + ": HTTP " + cause.getCode(), cause);
        }
    }
}
