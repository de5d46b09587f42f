package io.plumbline.provider.kubernetes;

import java.time.Duration;

/**
 * How the Kubernetes provider behaves beyond what the environment says.
 *
 * @param healthTimeout   overrides the environment's {@code spec.sync.healthTimeout} when not null (tests use a
 *                        few seconds)
 * @param pollInterval    how often a rollout's progress is read while waiting for it
 * @param fieldManager    the server-side apply field manager
 * @param conflictRetries how many times a write refused with 409 Conflict is retried with fresh state
 * @param watch           observe through watches kept open between reconciles ({@link WatchCache}): a reconcile
 *                        that changes nothing then makes no API call at all; for the long-running service
 */
public record KubernetesOptions(Duration healthTimeout, Duration pollInterval, String fieldManager,
                                int conflictRetries, boolean watch) {
    public static final KubernetesOptions DEFAULT =
            new KubernetesOptions(null, Duration.ofSeconds(2), "plumbline", 3, false);

    public KubernetesOptions {
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        fieldManager = fieldManager == null ? "plumbline" : fieldManager;
        conflictRetries = Math.max(0, conflictRetries);
    }

    public KubernetesOptions withHealthTimeout(Duration timeout) {
        return new KubernetesOptions(timeout, pollInterval, fieldManager, conflictRetries, watch);
    }

    public KubernetesOptions withPollInterval(Duration interval) {
        return new KubernetesOptions(healthTimeout, interval, fieldManager, conflictRetries, watch);
    }

    public KubernetesOptions withWatch(boolean on) {
        return new KubernetesOptions(healthTimeout, pollInterval, fieldManager, conflictRetries, on);
    }
}
