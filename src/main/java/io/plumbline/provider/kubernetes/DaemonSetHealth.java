package io.plumbline.provider.kubernetes;

import io.plumbline.model.Health;
import java.util.Map;

/**
 * A DaemonSet's rollout, judged as {@code kubectl rollout status} does: the controller has seen the latest
 * spec, every node that should run a pod runs the new one, and those pods are available.
 */
final class DaemonSetHealth {
    private DaemonSetHealth() {
    }

    static Health of(Map<String, Object> daemonSet) {
        long generation = Conditions.number(daemonSet, 0, "metadata", "generation");
        long observed = Conditions.number(daemonSet, -1, "status", "observedGeneration");
        if (observed < generation) {
            return Health.progressing("waiting for the controller to see generation " + generation);
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
