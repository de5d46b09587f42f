package io.plumbline.cluster;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Leases as this replica last listed them, each with the moment (this replica's monotonic clock) it first saw
 * the Lease's current version. A Lease counts as expired when its version has not changed for
 * {@link ClusterSettings#takeoverAfter() lease-duration − retry-period} since then. Like client-go's leader election,
 * this never compares clocks of two machines. It is safe because the version was written after its holder sent the
 * renewal and seen here after it was written, so expiry comes more than {@code lease-duration − retry-period} after
 * the holder sent it, and the holder stops writing {@code renew-deadline} after sending, which the settings require to
 * be shorter.
 */
final class Sightings {
    record Seen(Lease lease, long since) {
        String holder() {
            String holder = lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
            return holder == null ? "" : holder;
        }
    }

    private final long expiry;
    private volatile Map<String, Seen> seen = Map.of();

    /** @param expiry how long a version unchanged since this replica first saw it keeps the Lease held */
    Sightings(Duration expiry) {
        this.expiry = expiry.toNanos();
    }

    /** When (this replica's clock) the Lease as seen expires, unless it changes before. */
    long expiresAt(Seen s) {
        return s.since() + expiry;
    }

    boolean expired(Seen s, long now) {
        return now - expiresAt(s) > 0;
    }

    /** A fresh list, taken in full before {@code now}. */
    void update(List<Lease> leases, long now) {
        Map<String, Seen> next = new HashMap<>();
        for (Lease lease : leases) {
            String name = lease.getMetadata().getName();
            Seen before = seen.get(name);
            boolean same = before != null && before.lease().getMetadata().getResourceVersion()
                    .equals(lease.getMetadata().getResourceVersion());
            next.put(name, new Seen(lease, same ? before.since() : now));
        }
        seen = Map.copyOf(next);
    }

    /** This replica changed the Lease itself: its new version counts from when the change was sent. */
    void wrote(Lease lease, long sent) {
        Map<String, Seen> next = new HashMap<>(seen);
        next.put(lease.getMetadata().getName(), new Seen(lease, sent));
        seen = Map.copyOf(next);
    }

    Optional<Seen> get(String name) {
        return Optional.ofNullable(seen.get(name));
    }

    /** The replicas whose member Lease has not expired. */
    Set<String> liveMembers(long now) {
        Set<String> live = new TreeSet<>();
        seen.forEach((name, s) -> {
            if (LeaseNames.isMember(name) && !s.holder().isEmpty() && !expired(s, now)) {
                live.add(s.holder());
            }
        });
        return live;
    }

    /** How long until the first live member Lease but {@code own} expires, if it is renewed no more. */
    OptionalLong nextMemberExpiry(long now, String own) {
        return seen.entrySet().stream().filter(e -> LeaseNames.isMember(e.getKey()) && !e.getKey().equals(own))
                .mapToLong(e -> expiresAt(e.getValue()) - now).filter(wait -> wait > 0).min();
    }

    /** Member Leases expired: replicas that are gone. */
    List<String> deadMembers(long now) {
        return seen.entrySet().stream().filter(e -> LeaseNames.isMember(e.getKey()))
                .filter(e -> expired(e.getValue(), now)).map(Map.Entry::getKey).sorted().toList();
    }
}
