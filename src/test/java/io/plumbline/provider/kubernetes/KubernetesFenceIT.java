package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Marks;
import io.plumbline.provider.Fence;
import io.plumbline.provider.NotOwnedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The provider asks the fence before each object it writes, on the real control plane: an environment lost right
 * after its namespace was written gets nothing more.
 */
class KubernetesFenceIT {
    private final TestCluster cluster = new TestCluster();
    private final KubernetesProvider provider = cluster.provider(KubernetesOptions.DEFAULT
            .withHealthTimeout(Duration.ofSeconds(30)).withPollInterval(Duration.ofMillis(200)));

    @Test
    void anEnvironmentLostOnceItsNamespaceIsWrittenGetsNothingMore() {
        LoadedEnvironment production = cluster.production();
        ChangeSet plan = TestCluster.plan(provider, production);
        // As a replica whose Lease is taken the moment its first write lands.
        Fence lostOnceTheNamespaceExists = () -> {
            if (cluster.client.namespaces().withName(cluster.namespace).get() != null) {
                throw new NotOwnedException("stopped before writing: " + cluster.environment + " is another's");
            }
        };

        assertThatThrownBy(() -> provider.apply(production, plan, lostOnceTheNamespaceExists))
                .isInstanceOf(NotOwnedException.class).hasMessageContaining("stopped before writing");

        assertThat(cluster.client.namespaces().withName(cluster.namespace).get()).isNotNull();
        String marked = Marks.MANAGED_BY_LABEL + "=" + Marks.MANAGED_BY_VALUE;
        assertThat(cluster.client.apps().deployments().inNamespace(cluster.namespace).list().getItems()).isEmpty();
        assertThat(cluster.client.services().inNamespace(cluster.namespace).list().getItems()).isEmpty();
        assertThat(cluster.client.configMaps().inNamespace(cluster.namespace).withLabelSelector(marked).list()
                .getItems()).isEmpty();
    }
}
