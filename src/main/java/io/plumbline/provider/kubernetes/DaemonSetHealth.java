package io.plumbline.provider.kubernetes;

import io.plumbline.model.Health;
import java.util.Map;
import java.util.Optional;

/**
 * A DaemonSet's rollout, judged as {@code kubectl rollout status} does: the controller has seen the latest
 * spec, every node that should run a pod runs the new one, and those pods are available.
 */
final class DaemonSetHealth {
    private DaemonSetHealth() {
    }

    static Health of(Map<String, Object> daemonSet) {
        Optional<Health> unobserved = Conditions.unobserved(daemonSet);
        if (unobserved.isPresent()) {
            return unobserved.get();
        }
        long desired = Conditions.number(daemonSet, 0, "status", "desiredNumberScheduled");
        long updated = Conditions.number(daemonSet, 0, "status", "updatedNumberScheduled");
        if (updated < desired) {
            return Health.progressing(updated + " of " + desired + " nodes run the new pod");
        }
        long available = Conditions.number(daemonSet, 0, "status", "numberAvailable");
        if (available < desired) {
            return Health.progressing(available + " of " + desired + " updated pods available");
        }
        return Health.HEALTHY;
    }
}
