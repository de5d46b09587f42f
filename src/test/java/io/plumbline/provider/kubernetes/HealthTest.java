package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Health;
import io.plumbline.model.Health.Status;
import io.plumbline.render.kubernetes.TestEnvironments;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kind's health against YAML fixtures under kubernetes/health. */
class HealthTest {
    private static Map<String, Object> fixture(String name) {
        return TestEnvironments.fixture("health/" + name).get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            deployment-healthy.yaml         | HEALTHY     |
            deployment-progressing.yaml     | PROGRESSING | 3 of 4 updated replicas available
            deployment-unobserved.yaml      | PROGRESSING | waiting for the controller to see generation 4
            deployment-old-replicas.yaml    | PROGRESSING | 1 old replicas pending termination
            deployment-degraded.yaml        | DEGRADED    | progress deadline exceeded: ReplicaSet "frontend-7d9c" has timed out progressing.
            deployment-replica-failure.yaml | DEGRADED    | cannot create pods: pods "frontend-7d9c-x" is forbidden: exceeded quota: compute
            """)
    void deployment(String file, Status status, String reason) {
        Health health = DeploymentHealth.of(fixture(file));

        assertThat(health.status()).isEqualTo(status);
        assertThat(health.reason()).isEqualTo(reason == null ? "" : reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            statefulset-healthy.yaml     | HEALTHY     |
            statefulset-rolling.yaml     | PROGRESSING | 1 of 3 replicas updated
            statefulset-not-ready.yaml   | PROGRESSING | 2 of 3 replicas ready
            statefulset-partitioned.yaml | HEALTHY     |
            daemonset-healthy.yaml       | HEALTHY     |
            daemonset-rolling.yaml       | PROGRESSING | 2 of 3 nodes run the new pod
            daemonset-unavailable.yaml   | PROGRESSING | 1 of 3 updated pods available
            daemonset-unobserved.yaml    | PROGRESSING | waiting for the controller to see generation 4
            """)
    void statefulSetAndDaemonSet(String file, Status status, String reason) {
        Map<String, Object> body = fixture(file);
        Health health = Workloads.health(String.valueOf(body.get("kind")), body);

        assertThat(health.status()).isEqualTo(status);
        assertThat(health.reason()).isEqualTo(reason == null ? "" : reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            pod-healthy.yaml       |
            pod-not-ready.yaml     | pod frontend-7d9c-abcde: container frontend-service is running but not ready (its readiness probe fails)
            pod-crashloop.yaml     | pod frontend-7d9c-fghij: container frontend-service is waiting: CrashLoopBackOff (back-off 5m0s restarting failed container)
            pod-unschedulable.yaml | pod frontend-7d9c-klmno cannot be scheduled: 0/2 nodes are available: 2 Insufficient cpu.
            """)
    void pod(String file, String problem) {
        assertThat(PodHealth.problem(fixture(file)).orElse(null)).isEqualTo(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            replicaset-failure.yaml | replica set cannot create pods: pods "frontend-7d9c-x" is forbidden: exceeded quota: compute
            """)
    void replicaSet(String file, String problem) {
        assertThat(ReplicaSetHealth.problem(fixture(file)).orElse(null)).isEqualTo(problem);
    }
}
