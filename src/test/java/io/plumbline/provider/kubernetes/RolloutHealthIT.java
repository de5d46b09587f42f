package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.plumbline.model.Health;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.render.kubernetes.TestEnvironments;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Waiting for rollouts on the mock API server, where a test plays the Deployment controller. */
class RolloutHealthIT {
    // a new instance, so a new mock server, for each test
    private final MockCluster cluster = new MockCluster();
    private final KubernetesProvider provider = cluster.provider(KubernetesOptions.DEFAULT.withHealthTimeout(Duration.ofMillis(500))
            .withPollInterval(Duration.ofMillis(50)));
    private final LoadedEnvironment production = TestEnvironments.production();

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aRolloutThatNeverBecomesAvailableEndsDegradedWithItsPodsReason() {
        List<ObjectResult> applied = MockCluster.reconcile(provider, production).results();
        GenericKubernetesResource pod = cluster.client.getKubernetesSerialization().unmarshal("""
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "frontend-1", "namespace": "example",
                 "labels": {"app.kubernetes.io/name": "frontend"}}}""", GenericKubernetesResource.class);
        pod = cluster.client.genericKubernetesResources("v1", "Pod").inNamespace("example").resource(pod).create();
        pod.setAdditionalProperty("status", Map.of("containerStatuses", List.of(Map.of("name", "frontend-service",
                "ready", false, "state", Map.of("running", Map.of())))));
        cluster.client.genericKubernetesResources("v1", "Pod").inNamespace("example").resource(pod).updateStatus();

        Health health = provider.health(production, applied);

        assertThat(health.status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(health.reason()).contains("Deployment example/frontend: rollout did not complete within 0s")
                .contains("pod frontend-1: container frontend-service is running but not ready");
    }

    @Test
    void aStatefulSetFromRawManifestsIsWaitedForToo() {
        LoadedEnvironment withDatabase = TestEnvironments.withManifests(production, TestEnvironments.documents(
                "manifests/production/thoughts-db.yaml", """
                        apiVersion: apps/v1
                        kind: StatefulSet
                        metadata: {name: thoughts-db, namespace: example}
                        spec:
                          serviceName: thoughts-db
                          replicas: 2
                          selector: {matchLabels: {app: thoughts-db}}
                          template:
                            metadata: {labels: {app: thoughts-db}}
                            spec: {containers: [{name: db, image: "postgres:16"}]}
                        """));
        List<ObjectResult> applied = MockCluster.reconcile(provider, withDatabase).results();
        cluster.completeRollouts("example");

        Health health = provider.health(withDatabase, applied);

        assertThat(health.status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(health.reason()).startsWith("StatefulSet example/thoughts-db: rollout did not complete within 0s")
                .doesNotContain("Deployment example/frontend");
    }

    @Test
    void aCompletedRolloutIsHealthy() {
        List<ObjectResult> applied = MockCluster.reconcile(provider, production).results();
        cluster.completeRollouts("example");

        assertThat(provider.health(production, applied)).isEqualTo(Health.HEALTHY);
    }

}
