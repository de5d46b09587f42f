package io.plumbline.provider.kubernetes;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the API serves a kind that fabric8 does not know (a custom resource): asked once per kind from the
 * server's discovery document and remembered. A server without discovery (fabric8's mock) gets the usual
 * lower-case plural, namespaced.
 */
final class CustomKinds {
    private final KubernetesClient client;
    private final ApiCalls calls;
    private final Map<String, ResourceDefinitionContext> known = new ConcurrentHashMap<>();

    CustomKinds(KubernetesClient client, ApiCalls calls) {
        this.client = client;
        this.calls = calls;
    }

    ResourceDefinitionContext context(String apiVersion, String kind) {
        return known.computeIfAbsent(apiVersion + "/" + kind, k -> discover(apiVersion, kind));
    }

    private ResourceDefinitionContext discover(String apiVersion, String kind) {
        try {
            calls.get();
            APIResourceList resources = client.getApiResources(apiVersion);
            if (resources != null) {
                for (APIResource r : resources.getResources()) {
                    if (kind.equals(r.getKind()) && !r.getName().contains("/")) {
                        return ResourceDefinitionContext.fromApiResource(apiVersion, r);
                    }
                }
            }
        } catch (KubernetesClientException e) {
            // no discovery here: fall through to the conventional name
        }
        int slash = apiVersion.indexOf('/');
        return new ResourceDefinitionContext.Builder()
                .withGroup(apiVersion.substring(0, slash)).withVersion(apiVersion.substring(slash + 1))
                .withKind(kind).withPlural(plural(kind)).withNamespaced(true).build();
    }

    static String plural(String kind) {
        String lower = kind.toLowerCase(Locale.ROOT);
        if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("ch") || lower.endsWith("sh")) {
            return lower + "es";
        }
        if (lower.endsWith("y") && !lower.matches(".*[aeiou]y$")) {
            return lower.substring(0, lower.length() - 1) + "ies";
        }
        return lower + "s";
    }
}
