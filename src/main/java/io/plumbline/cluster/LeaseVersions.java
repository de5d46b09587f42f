package io.plumbline.cluster;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * The next version of a Lease as this replica writes it: made, taken over, renewed or released. Each keeps the
 * Lease's annotations (and with them the environment's decisions) and its resourceVersion, so the write is a
 * compare and swap.
 */
final class LeaseVersions {
    private final ClusterSettings settings;

    LeaseVersions(ClusterSettings settings) {
        this.settings = settings;
    }

    /** A new Lease held by this replica. */
    Lease fresh(String name, String role, Map<String, String> annotations) {
        ZonedDateTime now = now();
        return new LeaseBuilder().withNewMetadata().withName(name).withNamespace(settings.namespace())
                .withLabels(LeaseNames.labels(role)).withAnnotations(annotations).endMetadata()
                .withNewSpec().withHolderIdentity(settings.identity()).withLeaseDurationSeconds(durationSeconds())
                .withAcquireTime(now).withRenewTime(now).withLeaseTransitions(0).endSpec().build();
    }

    /** The Lease held by this replica from now, one transition more. */
    Lease takenOver(Lease lease) {
        ZonedDateTime now = now();
        Integer transitions = lease.getSpec().getLeaseTransitions();
        return new LeaseBuilder(lease).editSpec().withHolderIdentity(settings.identity())
                .withLeaseDurationSeconds(durationSeconds()).withAcquireTime(now).withRenewTime(now)
                .withLeaseTransitions(transitions == null ? 1 : transitions + 1).endSpec().build();
    }

    Lease renewed(Lease lease) {
        return new LeaseBuilder(lease).editSpec().withRenewTime(now())
                .withLeaseDurationSeconds(durationSeconds()).endSpec().build();
    }

    /** Held by nobody: free for the next replica at once. */
    Lease released(Lease lease) {
        return new LeaseBuilder(lease).editSpec().withHolderIdentity(null).withRenewTime(null).endSpec().build();
    }

    private int durationSeconds() {
        return (int) settings.leaseDuration().toSeconds();
    }

    private static ZonedDateTime now() {
        return ZonedDateTime.now(ZoneOffset.UTC);
    }
}
