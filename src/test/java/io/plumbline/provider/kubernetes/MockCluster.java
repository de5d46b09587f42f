package io.plumbline.provider.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

/**
 * fabric8's mock API server in CRUD mode on 127.0.0.1, with expectations checked first so a test can inject
 * a failure, and a client for it.
 */
final class MockCluster implements AutoCloseable {
    final KubernetesMockServer server;
    final KubernetesClient client;

    MockCluster() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        server.init();
        // Generous: on two busy cores the mock server can take seconds to answer; a test must not fail for that.
        client = server.createClient(builder -> builder.editOrNewConfig().withRequestTimeout(60_000).endConfig());
    }

    KubernetesProvider provider(KubernetesOptions options) {
        return new KubernetesProvider(client, options);
    }

    /** One reconcile as the engine runs it: render, observe, diff, apply. */
    record Reconcile(ChangeSet plan, List<ObjectResult> results) {
    }

    static Reconcile reconcile(KubernetesProvider provider, LoadedEnvironment env) {
        List<Resource> desired = provider.render(env);
        ChangeSet plan = provider.diff(env, desired, provider.observe(env, desired));
        return new Reconcile(plan, provider.apply(env, plan));
    }

    /** The requests the server received since the last call, as {@code METHOD path}. */
    List<String> takeRequests() {
        List<String> out = new ArrayList<>();
        try {
            RecordedRequest r;
            while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
                out.add(r.getMethod() + " " + r.getPath());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    GenericKubernetesResource get(String apiVersion, String kind, String namespace, String name) {
        return client.genericKubernetesResources(apiVersion, kind).inNamespace(namespace).withName(name).get();
    }

    /** Plays the Deployment controller: reports the rollout of every Deployment in the namespace as complete. */
    void completeRollouts(String namespace) {
        for (GenericKubernetesResource d : client.genericKubernetesResources("apps/v1", "Deployment")
                .inNamespace(namespace).list().getItems()) {
            Object replicas = ((Map<?, ?>) d.getAdditionalProperties().get("spec")).get("replicas");
            d.setAdditionalProperty("status", Map.of("observedGeneration", d.getMetadata().getGeneration(),
                    "replicas", replicas, "updatedReplicas", replicas, "availableReplicas", replicas));
            client.genericKubernetesResources("apps/v1", "Deployment").inNamespace(namespace).resource(d).updateStatus();
        }
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
