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
 * the Lease's current version. A Lease counts as expired when its version has not changed for a lease duration
 * since then: like client-go's leader election, this never compares clocks of two machines, and it is safe because
 * the holder's own deadline counts from before it sent the renewal this replica then saw.
 */
final class Sightings {
    record Seen(Lease lease, long since) {
        String holder() {
            String holder = lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
            return holder == null ? "" : holder;
        }

        boolean expired(long now, Duration leaseDuration) {
            return now - since > leaseDuration.toNanos();
        }
    }

    private volatile Map<String, Seen> seen = Map.of();

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

    /** The replicas whose member Lease was renewed within a lease duration. */
    Set<String> liveMembers(long now, Duration leaseDuration) {
        Set<String> live = new TreeSet<>();
        seen.forEach((name, s) -> {
            if (LeaseNames.isMember(name) && !s.holder().isEmpty() && !s.expired(now, leaseDuration)) {
                live.add(s.holder());
            }
        });
        return live;
    }

    /** How long until the first live member Lease but {@code own} expires, if it is renewed no more. */
    OptionalLong nextMemberExpiry(long now, Duration leaseDuration, String own) {
        return seen.entrySet().stream().filter(e -> LeaseNames.isMember(e.getKey()) && !e.getKey().equals(own))
                .mapToLong(e -> e.getValue().since() + leaseDuration.toNanos() - now).filter(wait -> wait > 0).min();
    }

    /** Member Leases not renewed for a lease duration: replicas that are gone. */
    List<String> deadMembers(long now, Duration leaseDuration) {
        return seen.entrySet().stream().filter(e -> LeaseNames.isMember(e.getKey()))
                .filter(e -> e.getValue().expired(now, leaseDuration)).map(Map.Entry::getKey).sorted().toList();
    }
}
