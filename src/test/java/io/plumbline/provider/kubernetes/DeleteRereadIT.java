package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.plumbline.model.Action;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.ObjectResult.Result;
import io.plumbline.model.Revision;
import io.plumbline.render.kubernetes.TestEnvironments;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The marks are read again right before a delete, and the delete is sent on the condition of that read. */
class DeleteRereadIT {
    private static final String ENVIRONMENT = TestCluster.pruning("");
    private final TestCluster cluster = new TestCluster();
    private final KubernetesProvider provider = cluster.provider(KubernetesOptions.DEFAULT
            .withHealthTimeout(Duration.ofSeconds(30)).withPollInterval(Duration.ofMillis(200)));
    private final LoadedEnvironment without = TestEnvironments.withRevision(cluster.of(ENVIRONMENT, List.of()),
            new Revision("c2", "main", "Plumbline-Allow-Deletes: 1"));

    /** The settings ConfigMap applied, then a plan that deletes it. */
    private ChangeSet planToDeleteSettings() {
        TestCluster.reconcile(provider, cluster.of(ENVIRONMENT, TestEnvironments.documents("manifests/settings.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: example}
                data: {LOG_LEVEL: info}
                """)));
        ChangeSet plan = TestCluster.plan(provider, without);
        assertThat(plan.with(Action.DELETE)).extracting(c -> c.key().name()).containsExactly("settings");
        return plan;
    }

    private ObjectResult settingsResult(List<ObjectResult> results) {
        return results.stream().filter(r -> r.key().name().equals("settings")).findFirst().orElseThrow();
    }

    @Test
    void anObjectWhoseMarksWereRemovedAfterThePlanIsKeptAndTheResultSaysSo() {
        ChangeSet plan = planToDeleteSettings();
        cluster.client.configMaps().inNamespace(cluster.namespace).withName("settings").edit(m -> new ConfigMapBuilder(m)
                .editMetadata().removeFromLabels("app.kubernetes.io/managed-by").endMetadata().build());

        ObjectResult result = settingsResult(provider.apply(without, plan));

        assertThat(result.result()).isEqualTo(Result.FAILED);
        assertThat(result.message()).contains("no longer carries this environment's marks");
        assertThat(cluster.client.configMaps().inNamespace(cluster.namespace).withName("settings").get()).isNotNull();
    }

    @Test
    void anObjectMadeAgainAfterThePlanIsNotDeleted() {
        ChangeSet plan = planToDeleteSettings();
        ConfigMap old = cluster.client.configMaps().inNamespace(cluster.namespace).withName("settings").get();
        cluster.client.configMaps().inNamespace(cluster.namespace).withName("settings").delete();
        cluster.client.configMaps().inNamespace(cluster.namespace).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("settings").withLabels(old.getMetadata().getLabels())
                .withAnnotations(old.getMetadata().getAnnotations()).endMetadata()
                .withData(old.getData()).build()).create();

        ObjectResult result = settingsResult(provider.apply(without, plan));

        assertThat(result.result()).isEqualTo(Result.FAILED);
        assertThat(result.message()).contains("made again since the plan");
        assertThat(cluster.client.configMaps().inNamespace(cluster.namespace).withName("settings").get()).isNotNull();
    }
}
