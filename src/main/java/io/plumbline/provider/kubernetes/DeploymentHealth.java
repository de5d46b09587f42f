package io.plumbline.provider.kubernetes;

import io.plumbline.model.Health;
import java.util.Map;
import java.util.Optional;

/**
 * A Deployment's rollout, judged as {@code kubectl rollout status} does: the controller has seen the latest
 * spec, every replica runs the new template, no old replica is left and the new ones are available. A
 * Deployment past its progress deadline, or whose ReplicaSet cannot create pods, is Degraded.
 */
final class DeploymentHealth {
    private DeploymentHealth() {
    }

    static Health of(Map<String, Object> deployment) {
        Optional<Health> unobserved = Conditions.unobserved(deployment);
        if (unobserved.isPresent()) {
            return unobserved.get();
        }
        var progressing = Conditions.find(deployment, "Progressing");
        if (progressing.isPresent() && "ProgressDeadlineExceeded".equals(progressing.get().get("reason"))) {
            return Health.degraded("progress deadline exceeded: " + Conditions.text(progressing.get()));
        }
        var failure = Conditions.find(deployment, "ReplicaFailure");
        if (failure.isPresent() && Conditions.is(failure.get(), "True")) {
            return Health.degraded("cannot create pods: " + Conditions.text(failure.get()));
        }
        long wanted = Conditions.number(deployment, 1, "spec", "replicas");
        long updated = Conditions.number(deployment, 0, "status", "updatedReplicas");
        long total = Conditions.number(deployment, 0, "status", "replicas");
        long available = Conditions.number(deployment, 0, "status", "availableReplicas");
        if (updated < wanted) {
            return Health.progressing(updated + " of " + wanted + " replicas updated");
        }
        if (total > updated) {
            return Health.progressing((total - updated) + " old replicas pending termination");
        }
        if (available < updated) {
            return Health.progressing(available + " of " + updated + " updated replicas available");
        }
        return Health.HEALTHY;
    }
}
