package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.plumbline.model.Action;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Revision;
import io.plumbline.render.kubernetes.KindRegistry;
import io.plumbline.render.kubernetes.Nodes;
import io.plumbline.render.kubernetes.TestEnvironments;
import io.plumbline.testing.ControlPlane;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Observing through watches: steady state costs no call, and a plan never works from state older than our writes. */
class WatchCacheIT {
    private final TestCluster cluster = new TestCluster();
    private final KubernetesProvider provider = cluster.provider(KubernetesOptions.DEFAULT.withWatch(true));
    private final LoadedEnvironment production = cluster.production();

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void onceTheWatchesHaveCaughtUpAnUnchangedEnvironmentCostsNoCallAndNoDryRun() {
        TestCluster.reconcile(provider, production);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ApiCalls.Counts before = provider.apiCalls();
            ChangeSet plan = TestCluster.reconcile(provider, production).plan();
            assertThat(plan.hasWrites()).isFalse();
            assertThat(provider.apiCalls().minus(before).total()).isZero();
        });
    }

    @Test
    void aWatchClosesOnceNoEnvironmentOrPullRequestPlanReadsItsNamespace() {
        TestCluster.plan(provider, production);
        String preview = ControlPlane.uniqueNamespace();
        LoadedEnvironment pullRequest = TestEnvironments.withRevision(TestEnvironments.of("environments/preview.yaml", """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: preview}
                spec:
                  kubernetes:
                    namespaces: [%s]
                    applications:
                      - {name: web, namespace: %s, image: "nginx:1.27", port: 8080, replicas: 1}
                """.formatted(preview, preview), List.of()), new Revision("b".repeat(40), "refs/pull/7/head", "Preview"));
        TestCluster.plan(provider, pullRequest);
        assertThat(provider.watched()).anyMatch(s -> s.endsWith(" " + preview))
                .anyMatch(s -> s.endsWith(" " + cluster.namespace));

        provider.planned(pullRequest);

        assertThat(provider.watched()).noneMatch(s -> s.endsWith(" " + preview))
                .anyMatch(s -> s.endsWith(" " + cluster.namespace));
        assertThat(provider.comparedFor()).contains(production.name());

        provider.forget(production.name());

        assertThat(provider.watched()).isEmpty();
        assertThat(provider.comparedFor()).doesNotContain(production.name());
    }

    @Test
    void thePlanRightAfterAnApplySeesThatApply() {
        TestCluster.reconcile(provider, production);
        LoadedEnvironment changed = cluster.production("frontend:v1.4.2", "frontend:v1.5.0", Revision.WORKING_TREE);

        assertThat(TestCluster.reconcile(provider, changed).plan().with(Action.UPDATE)).hasSize(1);
        assertThat(TestCluster.reconcile(provider, changed).plan().filter(c -> c.action().writes())).isEmpty();
    }

    @Test
    void aChangeSomeoneElseMakesReachesThePlanThroughTheWatch() {
        TestCluster.reconcile(provider, production);

        editImageByHand("example/hotfix:1");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestCluster.plan(provider, production)
                .with(Action.UPDATE)).singleElement().satisfies(c -> assertThat(c.key().name()).isEqualTo("frontend")));
    }

    @Test
    void anUnchangedObjectIsConvertedOnceAndNoReaderCanChangeIt() {
        TestCluster.reconcile(provider, production);
        WatchCache cache = new WatchCache(new Cluster(cluster.client, KindRegistry.builtIn()));
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<Map<String, Object>> first = cache.list("apps/v1", "Deployment", cluster.namespace, d -> true);
                long converted = cache.conversions();
                first.forEach(d -> assertThatThrownBy(d::clear).isInstanceOf(UnsupportedOperationException.class));
                List<Map<String, Object>> again = cache.list("apps/v1", "Deployment", cluster.namespace, d -> true);
                assertThat(cache.conversions()).isEqualTo(converted);
                assertThat(again).isNotEmpty().allSatisfy(d -> assertThat(Nodes.at(d, "metadata", "name")).isNotNull());
            });

            editImageByHand("example/hotfix:1");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(cache.list("apps/v1",
                    "Deployment", cluster.namespace, d -> true)).filteredOn(d -> "frontend".equals(Nodes.at(d, "metadata",
                    "name"))).singleElement().satisfies(d -> assertThat(String.valueOf(Nodes.at(d, "spec",
                    "template", "spec", "containers"))).contains("example/hotfix:1")));
        } finally {
            cache.close();
        }
    }

    /** Someone else's edit of the frontend's image; tried again when the deployment controller wrote it meanwhile. */
    private void editImageByHand(String image) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(KubernetesClientException.class)
                .until(() -> cluster.client.apps().deployments().inNamespace(cluster.namespace).withName("frontend")
                        .edit(d -> {
                            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
                            return d;
                        }) != null);
    }
}
