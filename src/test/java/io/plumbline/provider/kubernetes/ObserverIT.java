package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Marks;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.render.kubernetes.KindRegistry;
import io.plumbline.render.kubernetes.KubernetesKeys;
import io.plumbline.testing.ControlPlane;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One environment's observe among many: what other environments own is looked at on the watch cache's own trees
 * and never handed out, so a check costs the same however many environments share the cluster.
 */
class ObserverIT {
    private static final int OTHER_ENVIRONMENTS = 40;
    private final TestCluster cluster = new TestCluster();
    private final WatchCache cache = new WatchCache(new Cluster(cluster.client, KindRegistry.builtIn()));
    private final Observer observer = new Observer(cache);

    @AfterEach
    void stop() {
        cache.close();
    }

    @Test
    void anEnvironmentIsHandedOnlyWhatItDeclaresOrOwnsHoweverManyOthersShareTheCluster() {
        LoadedEnvironment production = cluster.production();
        List<Resource> desired;
        try (KubernetesProvider provider = cluster.provider(KubernetesOptions.DEFAULT)) {
            TestCluster.reconcile(provider, production);
            desired = new ArrayList<>(provider.render(production));
        }
        List<String> others = new ArrayList<>();
        for (int i = 0; i < OTHER_ENVIRONMENTS; i++) {
            others.add(namespace("other-" + i));
        }
        String unmarked = namespace(null);
        // the environment no longer declares its PodDisruptionBudget: the kinds recorded on its namespace find it
        desired.removeIf(r -> r.key().kind().endsWith("/PodDisruptionBudget"));
        ResourceKey declaredUnmarked = KubernetesKeys.of("v1", "Namespace", "", unmarked);
        desired.add(Resource.desired(declaredUnmarked, Map.of()));

        long converted = cache.conversions();
        long handedOut = cache.handedOut();
        List<Resource> observed = observer.observe(production.name(), desired);

        assertThat(cache.handedOut() - handedOut).isEqualTo(observed.size());
        assertThat(cache.conversions() - converted).isGreaterThanOrEqualTo(OTHER_ENVIRONMENTS + observed.size());
        assertThat(observed).extracting(r -> r.key().name()).doesNotContainAnyElementsOf(others);
        assertThat(observed).filteredOn(r -> r.key().equals(declaredUnmarked)).singleElement()
                .satisfies(r -> assertThat(r.owned()).isFalse());
        assertThat(observed).filteredOn(r -> r.key().kind().endsWith("/PodDisruptionBudget")).singleElement()
                .satisfies(r -> assertThat(r.owned()).isTrue());
        assertThat(observed).filteredOn(r -> r.key().equals(KubernetesKeys.of("v1", "Namespace", "",
                cluster.namespace))).singleElement().satisfies(r -> assertThat(r.owned()).isTrue());
    }

    @Test
    void theTreesHandedOutCannotBeChanged() {
        namespace("other-read-only");
        List<Map<String, Object>> namespaces = cache.list("v1", "Namespace", "", body -> true);

        assertThat(namespaces).isNotEmpty();
        assertThatThrownBy(() -> namespaces.get(0).put("kind", "Changed"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((Map<?, ?>) namespaces.get(0).get("metadata")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    /** A namespace marked as another environment's (or unmarked, for a null environment). */
    private String namespace(String environment) {
        String name = ControlPlane.uniqueNamespace();
        var metadata = new NamespaceBuilder().withNewMetadata().withName(name);
        if (environment != null) {
            metadata.addToLabels(Marks.MANAGED_BY_LABEL, Marks.MANAGED_BY_VALUE)
                    .addToAnnotations(Marks.ENVIRONMENT_ANNOTATION, environment);
        }
        cluster.client.namespaces().resource(metadata.endMetadata().build()).create();
        return name;
    }
}
