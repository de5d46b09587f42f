package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.model.Action;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.render.kubernetes.TestEnvironments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Observing through watches: steady state costs no call, and a plan never works from state older than our writes. */
class WatchCacheIT {
    // a new instance, so a new mock server, for each test
    private final MockCluster cluster = new MockCluster();
    private final KubernetesProvider provider = cluster.provider(KubernetesOptions.DEFAULT.withWatch(true));
    private final LoadedEnvironment production = TestEnvironments.production();

    @AfterEach
    void stop() {
        provider.close();
        cluster.close();
    }

    @Test
    void onceTheWatchesHaveCaughtUpAnUnchangedEnvironmentCostsNoCall() {
        MockCluster.reconcile(provider, production);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ApiCalls.Counts before = provider.apiCalls();
            ChangeSet plan = MockCluster.reconcile(provider, production).plan();
            assertThat(plan.hasWrites()).isFalse();
            assertThat(provider.apiCalls().minus(before).total()).isZero();
        });
    }

    @Test
    void thePlanRightAfterAnApplySeesThatApply() throws IOException {
        MockCluster.reconcile(provider, production);
        LoadedEnvironment changed = TestEnvironments.of("production.yaml",
                Files.readString(Path.of("example-repo/environments/production.yaml"))
                        .replace("frontend:v1.4.2", "frontend:v1.5.0"), production.manifests());

        assertThat(MockCluster.reconcile(provider, changed).plan().with(Action.UPDATE)).hasSize(1);
        assertThat(MockCluster.reconcile(provider, changed).plan().filter(c -> c.action().writes())).isEmpty();
    }

    @Test
    void aChangeSomeoneElseMakesReachesThePlanThroughTheWatch() {
        MockCluster.reconcile(provider, production);
        MockCluster.reconcile(provider, production);

        cluster.client.apps().deployments().inNamespace("example").withName("frontend")
                .edit(d -> {
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("example/hotfix:1");
                    return d;
                });

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ChangeSet plan = provider.diff(production, provider.render(production),
                    provider.observe(production, provider.render(production)));
            assertThat(plan.with(Action.UPDATE)).singleElement()
                    .satisfies(c -> assertThat(c.key().name()).isEqualTo("frontend"));
        });
    }
}
