package io.plumbline.cluster;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Who is in the fleet, and so who should hold each environment: every live replica keeps a member Lease, and
 * rendezvous hashing over the live members gives each environment to one of them. This only spreads the work;
 * who may write is decided by the environments' own Leases ({@link EnvironmentLeases}), so two replicas that
 * briefly see different members can both try, but never both hold.
 */
final class Membership {
    private final Leases leases;
    private final LeaseVersions versions;
    private final Sightings sightings;
    private final ClusterSettings settings;
    private final LongSupplier clock;
    private final String own;
    private volatile Set<String> members = Set.of();

    Membership(Leases leases, LeaseVersions versions, Sightings sightings, ClusterSettings settings,
               LongSupplier clock) {
        this.leases = leases;
        this.versions = versions;
        this.sightings = sightings;
        this.settings = settings;
        this.clock = clock;
        this.own = LeaseNames.member(settings.identity());
    }

    /** Renews this replica's member Lease, or makes it (the first time, or after others took it for dead). */
    void renew() {
        long sent = clock.getAsLong();
        Optional<Lease> written = sightings.get(own).map(s -> leases.update(versions.renewed(s.lease())))
                .orElseGet(() -> leases.create(versions.fresh(own, LeaseNames.MEMBER, Map.of())));
        written.ifPresent(l -> sightings.wrote(l, sent));
    }

    /** Takes the live members from the latest sightings, this replica included. */
    void refresh(long now) {
        Set<String> live = new TreeSet<>(sightings.liveMembers(now));
        live.add(settings.identity());
        members = Set.copyOf(live);
    }

    /** The live replicas as this replica saw them at its last look, itself included. */
    Set<String> members() {
        return members;
    }

    /** Whether rendezvous hashing over the live members gives the environment to this replica. */
    boolean mine(String environment) {
        return Rendezvous.choose(environment, members).filter(settings.identity()::equals).isPresent();
    }

    /** How long until the first other member's Lease expires if it is renewed no more: then the spread changes. */
    OptionalLong nextExpiry(long now) {
        return sightings.nextMemberExpiry(now, own);
    }

    /** Deletes the member Leases of replicas that are gone, so the list of Leases does not grow with restarts. */
    void forgetDead(long now) {
        for (String dead : sightings.deadMembers(now)) {
            if (!dead.equals(own)) {
                leases.delete(dead);
            }
        }
    }

    /** Leaves the fleet: the others spread the environments without this replica at their next look. */
    void leave() {
        leases.delete(own);
    }
}
