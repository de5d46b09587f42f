package io.plumbline.cluster;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;

/** One environment's Lease as this replica holds it; changed by the coordinator's loop, read by any thread. */
final class HeldLease {
    volatile Lease lease;
    /** This replica's monotonic clock: it writes to the environment until then. */
    volatile long validUntil;
    /** Given to another replica: no new run or write, renewed only until the run under way ends. */
    volatile boolean releasing;

    HeldLease(Lease lease, long validUntil) {
        this.lease = lease;
        this.validUntil = validUntil;
    }
}
