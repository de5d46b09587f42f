package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.engine.plan.Destructive;
import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.FieldChange;
import io.plumbline.model.Resource;
import io.plumbline.render.kubernetes.KubernetesKeys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Kubernetes says its changes are: the facts the engine reads in place of its kinds and field paths. */
class KubernetesWordsTest {
    private static Resource r(String apiVersion, String kind, String name) {
        return Resource.desired(KubernetesKeys.of(apiVersion, kind, "example", name), Map.of());
    }

    @Test
    void replicaReductionsRuleRemovalsAndCertificatesReadAsTheyAlwaysHave() {
        Resource deployment = r("apps/v1", "Deployment", "frontend");
        Resource autoscaler = r("autoscaling/v2", "HorizontalPodAutoscaler", "frontend");
        Resource webhook = r("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", "policy");
        List<Change> changes = KubernetesProvider.WORDS.describe(new ChangeSet(List.of(
                Change.update(deployment, deployment, List.of(new FieldChange("spec.replicas", 1, 4),
                        new FieldChange("spec.template.spec.containers[0].image", "b", "a"))),
                Change.update(autoscaler, autoscaler, List.of(new FieldChange("spec.minReplicas", 2, 3),
                        new FieldChange("spec.maxReplicas", 9, 6))),
                Change.update(webhook, webhook, List.of(new FieldChange("webhooks[0].clientConfig.caCertificate",
                        "b", "a"))),
                Change.delete(r("monitoring.coreos.com/v1", "PrometheusRule", "alerts")),
                Change.delete(r("v1", "ConfigMap", "settings"))))).changes();

        assertThat(Destructive.flags(changes)).containsExactly(
                "reduces replicas of kubernetes apps/v1/Deployment example/frontend from 4 to 1",
                "reduces minReplicas of kubernetes autoscaling/v2/HorizontalPodAutoscaler example/frontend from 3 to 2",
                "swaps the certificate of kubernetes admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration "
                        + "example/policy",
                "removes rule kubernetes monitoring.coreos.com/v1/PrometheusRule example/alerts",
                "deletes kubernetes v1/ConfigMap example/settings");
    }
}
