package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.plumbline.model.Action;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult.Result;
import io.plumbline.model.Revision;
import io.plumbline.provider.kubernetes.TestCluster.Reconcile;
import io.plumbline.render.kubernetes.TestEnvironments;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A namespace is pruned only when all it holds carries this environment's marks; otherwise it is kept, and said so. */
class NamespacePruneIT {
    private final TestCluster cluster = new TestCluster();
    private final KubernetesProvider provider = cluster.provider(KubernetesOptions.DEFAULT
            .withHealthTimeout(Duration.ofSeconds(30)).withPollInterval(Duration.ofMillis(200)));
    private final LoadedEnvironment retired = cluster.retired(new Revision("c2", "main",
            "Plumbline-Allow-Deletes: 10"));

    @Test
    void objectsMadeByHandInADroppedNamespaceKeepItAndThePlanNamesThem() {
        TestCluster.reconcile(provider, cluster.of(TestCluster.pruning("""
                    applications:
                      - {name: web, namespace: example, image: "example/web:v1", port: 8000, expose: {port: 80}}
                """), List.of()));
        cluster.client.configMaps().inNamespace(cluster.namespace).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("notes").endMetadata().withData(Map.of("by", "hand")).build()).create();
        cluster.client.secrets().inNamespace(cluster.namespace).resource(new SecretBuilder().withNewMetadata()
                .withName("token").endMetadata().withStringData(Map.of("t", "s3cr3t")).build()).create();

        Reconcile reconcile = TestCluster.reconcile(provider, retired);

        assertThat(reconcile.plan().changes()).filteredOn(c -> c.key().kind().equals("v1/Namespace"))
                .singleElement().satisfies(c -> {
                    assertThat(c.action()).isEqualTo(Action.ORPHAN);
                    assertThat(c.note()).contains("v1/ConfigMap notes", "v1/Secret token").doesNotContain("s3cr3t");
                });
        assertThat(reconcile.results()).filteredOn(r -> r.result() == Result.DELETED)
                .extracting(r -> r.key().kind()).containsExactlyInAnyOrder("apps/v1/Deployment", "v1/Service");
        assertThat(cluster.client.namespaces().withName(cluster.namespace).get().getMetadata().getDeletionTimestamp())
                .isNull();
        assertThat(cluster.client.configMaps().inNamespace(cluster.namespace).withName("notes").get()).isNotNull();
        assertThat(cluster.client.secrets().inNamespace(cluster.namespace).withName("token").get()).isNotNull();
    }

    @Test
    void anAdoptedNamespaceKeepsWhatItHeldBefore() {
        cluster.client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(cluster.namespace)
                .endMetadata().build()).create();
        cluster.client.configMaps().inNamespace(cluster.namespace).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("before").endMetadata().withData(Map.of("was", "here")).build()).create();
        TestCluster.reconcile(provider, TestEnvironments.withRevision(cluster.of(TestCluster.pruning(""), List.of()), new Revision("c1", "main", "Plumbline-Adopt: Namespace " + cluster.namespace)));
        assertThat(cluster.client.namespaces().withName(cluster.namespace).get().getMetadata().getAnnotations())
                .containsEntry("plumbline.io/environment", cluster.environment);

        Reconcile reconcile = TestCluster.reconcile(provider, retired);

        assertThat(reconcile.plan().changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.ORPHAN);
            assertThat(c.note()).contains("v1/ConfigMap before");
        });
        assertThat(reconcile.results()).noneMatch(r -> r.result() == Result.DELETED);
        assertThat(cluster.client.namespaces().withName(cluster.namespace).get().getMetadata().getDeletionTimestamp())
                .isNull();
        assertThat(cluster.client.configMaps().inNamespace(cluster.namespace).withName("before").get()).isNotNull();
    }
}
