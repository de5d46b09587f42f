package io.plumbline.provider.kubernetes;

import io.plumbline.model.Health;
import io.plumbline.render.kubernetes.Nodes;
import java.util.Map;
import java.util.Optional;

/**
 * A StatefulSet's rollout, judged as {@code kubectl rollout status} does: the controller has seen the latest
 * spec, every replica (above the partition) runs the update revision, and all replicas are ready.
 */
final class StatefulSetHealth {
    private StatefulSetHealth() {
    }

    static Health of(Map<String, Object> statefulSet) {
        Optional<Health> unobserved = Conditions.unobserved(statefulSet);
        if (unobserved.isPresent()) {
            return unobserved.get();
        }
        long wanted = Conditions.number(statefulSet, 1, "spec", "replicas");
        long ready = Conditions.number(statefulSet, 0, "status", "readyReplicas");
        if (ready < wanted) {
            return Health.progressing(ready + " of " + wanted + " replicas ready");
        }
        long partition = Conditions.number(statefulSet, 0, "spec", "updateStrategy", "rollingUpdate", "partition");
        long updated = Conditions.number(statefulSet, 0, "status", "updatedReplicas");
        if (updated < wanted - partition) {
            return Health.progressing(updated + " of " + (wanted - partition) + " replicas updated");
        }
        Object current = Nodes.at(statefulSet, "status", "currentRevision");
        Object update = Nodes.at(statefulSet, "status", "updateRevision");
        if (partition == 0 && update != null && !update.equals(current)) {
            return Health.progressing("waiting for revision " + update + " to replace " + current);
        }
        return Health.HEALTHY;
    }
}
