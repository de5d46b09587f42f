package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Health;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Revision;
import io.plumbline.render.kubernetes.TestEnvironments;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Waiting for rollouts on the real control plane, where kwok's node runs the pods the scheduler places. */
class RolloutHealthIT {
    private final TestCluster cluster = new TestCluster();
    private final KubernetesProvider provider = cluster.provider(KubernetesOptions.DEFAULT
            .withHealthTimeout(Duration.ofSeconds(60)).withPollInterval(Duration.ofMillis(200)));
    private final LoadedEnvironment production = cluster.production();

    @Test
    void aCompletedRolloutOfDeploymentsAndAStatefulSetIsHealthy() {
        LoadedEnvironment withDatabase = TestEnvironments.withManifests(production, cluster.here(
                TestEnvironments.documents("manifests/production/thoughts-db.yaml", """
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
                        """)));
        List<ObjectResult> applied = TestCluster.reconcile(provider, withDatabase).results();

        assertThat(provider.health(withDatabase, applied)).isEqualTo(Health.HEALTHY);
        assertThat((Integer) TestCluster.at(cluster.get("apps/v1", "StatefulSet", "thoughts-db"), "status",
                "readyReplicas")).isEqualTo(2);
    }

    @Test
    void aRolloutWhosePodsCannotBeScheduledEndsDegradedWithTheSchedulersReason() {
        LoadedEnvironment tooBig = cluster.production("""
                          requests: {cpu: 60m, memory: 64M}
                          limits: {cpu: 70m, memory: 128M}
                """, """
                          requests: {cpu: "500", memory: 64M}
                          limits: {cpu: "500", memory: 128M}
                """, Revision.WORKING_TREE);
        KubernetesProvider impatient = cluster.provider(KubernetesOptions.DEFAULT
                .withHealthTimeout(Duration.ofSeconds(3)).withPollInterval(Duration.ofMillis(200)));
        List<ObjectResult> applied = TestCluster.reconcile(impatient, tooBig).results();

        Health health = impatient.health(tooBig, applied);

        assertThat(health.status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(health.reason()).contains("Deployment " + cluster.namespace + "/frontend: rollout did not complete")
                .contains("Insufficient cpu");
    }
}
