package io.plumbline.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.plumbline.metrics.MicrometerMetrics;
import io.plumbline.testing.ControlPlane;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica whose Lease namespace does not exist on the real API server: every Lease it creates is answered 404,
 * which is no lost race. It says so (not ready, with the namespace named; counted by reason) and writes nothing, and
 * once the namespace exists it takes its environment and applies it.
 */
class FleetLeaseTroubleIT {
    private static final Pattern MISSING = Pattern.compile(
            "plumbline_fleet_lease_errors_total\\{reason=\"namespace-missing\"} (\\d+)\\.0");

    private final ControlPlane plane = ControlPlane.shared();
    private final String namespace = ControlPlane.uniqueNamespace();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, String> live = new ConcurrentHashMap<>();
    private FleetReplica replica;

    @TempDir
    Path state;

    @AfterEach
    void stop() {
        replica.close();
        plane.client().namespaces().withName(namespace).delete();
    }

    @Test
    void aMissingLeaseNamespaceIsTroubleNamedCountedAndUnreadyUntilItExists() {
        replica = new FleetReplica("plumbline-a", plane.kubeconfig(), new ClusterSettings(namespace, "plumbline-a",
                FleetOfThree.LEASE, FleetOfThree.RENEW_DEADLINE, FleetOfThree.RETRY), live,
                new CopyOnWriteArrayList<>(), new MicrometerMetrics(registry), state);
        replica.start();
        replica.handOver(FleetReplica.commit(1, List.of("env-0")));

        await("the replica says it cannot keep its Leases").atMost(Duration.ofSeconds(20))
                .until(() -> missingCount() >= 2);
        assertThat(replica.coordinator.trouble()).hasValueSatisfying(why -> assertThat(why)
                .contains("namespace " + namespace).contains("does not exist"));
        assertThat(replica.coordinator.owns("env-0")).isFalse();
        assertThat(live).as("nothing reconciled").isEmpty();

        plane.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
                .endMetadata().build()).create();
        await("the replica takes its environment once the namespace exists").atMost(Duration.ofSeconds(30))
                .until(() -> FleetReplica.sha(1).equals(live.get("env-0")));
        assertThat(replica.coordinator.trouble()).isEmpty();
    }

    private long missingCount() {
        Matcher m = MISSING.matcher(registry.scrape());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
