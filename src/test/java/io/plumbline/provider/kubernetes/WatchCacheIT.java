package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.model.Action;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Revision;
import java.time.Duration;
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
    void thePlanRightAfterAnApplySeesThatApply() {
        TestCluster.reconcile(provider, production);
        LoadedEnvironment changed = cluster.production("frontend:v1.4.2", "frontend:v1.5.0", Revision.WORKING_TREE);

        assertThat(TestCluster.reconcile(provider, changed).plan().with(Action.UPDATE)).hasSize(1);
        assertThat(TestCluster.reconcile(provider, changed).plan().filter(c -> c.action().writes())).isEmpty();
    }

    @Test
    void aChangeSomeoneElseMakesReachesThePlanThroughTheWatch() {
        TestCluster.reconcile(provider, production);

        cluster.client.apps().deployments().inNamespace(cluster.namespace).withName("frontend")
                .edit(d -> {
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("example/hotfix:1");
                    return d;
                });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestCluster.plan(provider, production)
                .with(Action.UPDATE)).singleElement().satisfies(c -> assertThat(c.key().name()).isEqualTo("frontend")));
    }
}
