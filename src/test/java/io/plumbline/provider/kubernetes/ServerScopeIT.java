package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.RawManifest;
import io.plumbline.render.kubernetes.TestEnvironments;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A kind's scope comes from the server: a cluster-scoped custom kind needs an allow entry like a built-in one. */
class ServerScopeIT {
    private final TestCluster cluster = new TestCluster();
    private final KubernetesProvider provider = cluster.provider(KubernetesOptions.DEFAULT
            .withHealthTimeout(Duration.ofSeconds(30)).withPollInterval(Duration.ofMillis(200)));
    private final String group = cluster.namespace + ".scope.example.com";
    private final List<RawManifest> widget = TestEnvironments.documents("manifests/widget.yaml", """
            apiVersion: %s/v1
            kind: Widget
            metadata: {name: %s}
            spec: {size: 3}
            """.formatted(group, cluster.namespace));

    @BeforeEach
    void installClusterScopedDefinition() {
        CustomResourceDefinition definition = new CustomResourceDefinitionBuilder().withNewMetadata()
                .withName("widgets." + group).endMetadata().withNewSpec().withGroup(group).withScope("Cluster")
                .withNewNames().withKind("Widget").withPlural("widgets").withSingular("widget")
                .withListKind("WidgetList").endNames()
                .addNewVersion().withName("v1").withServed(true).withStorage(true).withNewSchema()
                .withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema().endSchema().endVersion().endSpec().build();
        cluster.client.apiextensions().v1().customResourceDefinitions().resource(definition).create();
        await("widgets established").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> CustomResourceDefinitions.established(Map.of("status", cluster.client
                        .getKubernetesSerialization().convertValue(cluster.client.apiextensions().v1()
                                .customResourceDefinitions().withName("widgets." + group).get().getStatus(),
                                Map.class))));
    }

    @AfterEach
    void removeDefinition() {
        cluster.client.apiextensions().v1().customResourceDefinitions().withName("widgets." + group).delete();
    }

    @Test
    void aClusterScopedCustomKindWithoutAnAllowEntryIsInvalidInputAtItsFileAndLineAndNothingIsWritten() {
        LoadedEnvironment env = cluster.of(TestCluster.pruning(""), widget);

        assertThatThrownBy(() -> TestCluster.reconcile(provider, env)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("manifests/widget.yaml:1:1")
                .hasMessageContaining("cluster-scoped kind " + group + "/Widget is not allowed");
        assertThat(provider.apiCalls().writes()).isZero();
        assertThat(cluster.client.genericKubernetesResources(group + "/v1", "Widget").list().getItems()).isEmpty();
    }

    @Test
    void withAnAllowEntryItIsWrittenClusterWideAndTheNextPlanIsEmpty() {
        LoadedEnvironment env = cluster.of(TestCluster.pruning("    allow: [{kind: " + group + "/Widget}]\n"),
                widget);

        TestCluster.reconcile(provider, env);

        assertThat(cluster.client.genericKubernetesResources(group + "/v1", "Widget").withName(cluster.namespace)
                .get()).isNotNull();
        assertThat(TestCluster.plan(provider, env).hasWrites()).isFalse();
    }
}
