package io.plumbline.cluster;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * How the replicas of a fleet share environments through Leases.
 *
 * <p>Why {@code renew-deadline < lease-duration − retry-period}: a holder writes until {@code renew-deadline} after it
 * <em>sent</em> its last successful renewal; another replica may take the Lease {@link #takeoverAfter()} after it
 * first <em>saw</em> that renewal, which is after it was sent. With the inequality the holder has stopped before
 * anyone may take over, whatever the delays between them; no clocks of two machines are compared.
 *
 * @param namespace     where the Leases live (the service's own namespace)
 * @param identity      this replica's name, unique in the fleet (the pod name)
 * @param leaseDuration how long after its last renewal a Lease no longer keeps others from taking it
 * @param renewDeadline how long after sending its last successful renewal a holder still writes
 * @param retryPeriod   how often each replica looks at the Leases, renews, takes and hands over
 */
public record ClusterSettings(String namespace, String identity, Duration leaseDuration, Duration renewDeadline,
                              Duration retryPeriod) {
    public ClusterSettings {
        if (namespace.isBlank() || identity.isBlank()) {
            throw new IllegalArgumentException("plumbline.cluster needs a namespace and an identity");
        }
        if (retryPeriod.isNegative() || retryPeriod.isZero() || retryPeriod.compareTo(renewDeadline) >= 0
                || leaseDuration.toSeconds() < 1) {
            throw new IllegalArgumentException("plumbline.cluster needs 0 < retry-period < renew-deadline and a "
                    + "lease-duration of a whole second or more; got retry-period " + seconds(retryPeriod)
                    + ", renew-deadline " + seconds(renewDeadline) + ", lease-duration " + seconds(leaseDuration));
        }
        if (leaseDuration.minus(retryPeriod).compareTo(renewDeadline) <= 0) {
            throw new IllegalArgumentException("plumbline.cluster needs renew-deadline < lease-duration - "
                    + "retry-period: others take a Lease lease-duration - retry-period after they see its last "
                    + "renewal, and its holder must have stopped writing by then; got renew-deadline "
                    + seconds(renewDeadline) + ", lease-duration - retry-period " + seconds(leaseDuration) + " - "
                    + seconds(retryPeriod) + " = " + seconds(leaseDuration.minus(retryPeriod)));
        }
    }

    /**
     * How long after it first saw a Lease's current version a replica may take it. A replica sees a renewal up to a
     * retry period after it was written (it lists the Leases every retry period), so counting the whole lease
     * duration from the sighting, as client-go's leader election does, would leave a dead replica's environments
     * waiting up to a lease duration and a retry period after its last renewal; less one retry period, they move
     * within one lease duration of it.
     */
    Duration takeoverAfter() {
        return leaseDuration.minus(retryPeriod);
    }

    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + "s";
    }
}
