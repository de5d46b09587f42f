package io.plumbline.provider.kubernetes;

import java.time.Duration;

/**
 * How the Kubernetes provider behaves beyond what the environment says.
 *
 * @param healthTimeout   overrides the environment's {@code spec.sync.healthTimeout} when not null (tests use a
 *                        few seconds)
 * @param pollInterval    how often a rollout's progress is read while waiting for it
 * @param fieldManager    the server-side apply field manager
 * @param watch           observe through watches kept open between reconciles ({@link WatchCache}): a reconcile
 *                        that changes nothing then makes no API call at all; for the long-running service
 */
public record KubernetesOptions(Duration healthTimeout, Duration pollInterval, String fieldManager,
                                boolean watch) {
    public static final KubernetesOptions DEFAULT =
            new KubernetesOptions(null, Duration.ofSeconds(2), "plumbline", false);

    public KubernetesOptions {
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        fieldManager = fieldManager == null ? "plumbline" : fieldManager;
    }

    public KubernetesOptions withHealthTimeout(Duration timeout) {
        return new KubernetesOptions(timeout, pollInterval, fieldManager, watch);
    }

    public KubernetesOptions withPollInterval(Duration interval) {
        return new KubernetesOptions(healthTimeout, interval, fieldManager, watch);
    }

    public KubernetesOptions withWatch(boolean on) {
        return new KubernetesOptions(healthTimeout, pollInterval, fieldManager, on);
    }
}
