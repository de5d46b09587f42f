package io.plumbline.cluster;

import java.time.Duration;

/**
 * How the replicas of a fleet share environments through Leases.
 *
 * @param namespace     where the Leases live (the service's own namespace)
 * @param identity      this replica's name, unique in the fleet (the pod name)
 * @param leaseDuration how long a Lease not renewed keeps others from taking it
 * @param renewDeadline how long after its last successful renewal a holder still writes; shorter than the lease
 *                      duration, so a holder that cannot renew has stopped before anyone may take over
 * @param retryPeriod   how often each replica looks at the Leases, renews, takes and hands over
 */
public record ClusterSettings(String namespace, String identity, Duration leaseDuration, Duration renewDeadline,
                              Duration retryPeriod) {
    public ClusterSettings {
        if (namespace.isBlank() || identity.isBlank()) {
            throw new IllegalArgumentException("plumbline.cluster needs a namespace and an identity");
        }
        if (renewDeadline.compareTo(leaseDuration) >= 0 || retryPeriod.compareTo(renewDeadline) >= 0
                || retryPeriod.isNegative() || retryPeriod.isZero() || leaseDuration.toSeconds() < 1) {
            throw new IllegalArgumentException("plumbline.cluster needs retry-period < renew-deadline < "
                    + "lease-duration (a whole second or more); got " + retryPeriod + ", " + renewDeadline + ", "
                    + leaseDuration);
        }
    }
}
