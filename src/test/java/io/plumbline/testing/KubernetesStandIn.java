package io.plumbline.testing;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * fabric8's mock API server in CRUD mode, and the one thing a real cluster does that it does not: a
 * Deployment controller that reports each rollout complete. Deployments named in {@link #neverReady} are left
 * as a controller would leave a rollout whose pods never become ready.
 */
public final class KubernetesStandIn implements AutoCloseable {
    /** The mock server logs every request at INFO; kept as a field so the level setting is not collected. */
    private static final java.util.logging.Logger MOCK_LOG = quiet("io.fabric8.mockwebserver");

    private final KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(),
            new HashMap<>(), new KubernetesCrudDispatcher(), false);
    private final KubernetesClient client;
    private final ScheduledExecutorService controller = Executors.newSingleThreadScheduledExecutor();
    private final Set<String> neverReady = ConcurrentHashMap.newKeySet();

    public KubernetesStandIn() {
        server.init();
        client = server.createClient();
        controller.scheduleWithFixedDelay(this::completeRollouts, 100, 100, TimeUnit.MILLISECONDS);
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    public KubernetesClient client() {
        return client;
    }

    public void neverReady(String deployment) {
        neverReady.add(deployment);
    }

    /** A kubeconfig pointing at the mock server, as a user's would point at a cluster. */
    public Path kubeconfig(Path dir) {
        String yaml = """
                apiVersion: v1
                kind: Config
                clusters: [{name: mock, cluster: {server: "%s"}}]
                contexts: [{name: mock, context: {cluster: mock, user: mock}}]
                current-context: mock
                users: [{name: mock, user: {token: mock-token}}]
                """.formatted(client.getConfiguration().getMasterUrl());
        try {
            return Files.writeString(dir.resolve("kubeconfig"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void completeRollouts() {
        try {
            for (Deployment d : client.apps().deployments().inAnyNamespace().list().getItems()) {
                long generation = d.getMetadata().getGeneration() == null ? 1 : d.getMetadata().getGeneration();
                boolean seen = d.getStatus() != null && d.getStatus().getObservedGeneration() != null
                        && d.getStatus().getObservedGeneration() >= generation;
                if (seen || neverReady.contains(d.getMetadata().getName())) {
                    continue;
                }
                int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
                d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(generation).withReplicas(replicas)
                        .withUpdatedReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas)
                        .build());
                client.apps().deployments().inNamespace(d.getMetadata().getNamespace()).resource(d).updateStatus();
            }
        } catch (RuntimeException e) {
            // A write raced with Plumbline's own; the next round sees the fresh object.
        }
    }

    @Override
    public void close() {
        controller.shutdownNow();
        client.close();
        server.destroy();
    }
}
