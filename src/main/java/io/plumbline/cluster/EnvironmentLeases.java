package io.plumbline.cluster;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.plumbline.engine.loop.Assignment.Replica;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The environment Leases this replica holds, and the writes that change them: taking one that is free or expired,
 * renewing it, handing it over, keeping the environment's decisions in it. Every write is a compare-and-swap, and
 * its answer is what this replica holds next. Changed by the coordinator's loop only; read by any thread.
 *
 * <p>The fence: this replica may write to an environment until {@code renew-deadline} after it <em>sent</em> its
 * last successful renewal ({@link HeldLease#validUntil}); others take the Lease only
 * {@code lease-duration − retry-period} after they <em>saw</em> that renewal ({@link Sightings}), which
 * {@link ClusterSettings} requires to be longer.
 */
final class EnvironmentLeases {
    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentLeases.class);

    private final Leases leases;
    private final LeaseVersions versions;
    private final Sightings sightings;
    private final ClusterSettings settings;
    private final LongSupplier clock;
    private final Map<String, HeldLease> held = new ConcurrentHashMap<>();

    EnvironmentLeases(Leases leases, LeaseVersions versions, Sightings sightings, ClusterSettings settings,
                      LongSupplier clock) {
        this.leases = leases;
        this.versions = versions;
        this.sightings = sightings;
        this.settings = settings;
        this.clock = clock;
    }

    Optional<HeldLease> get(String env) {
        return Optional.ofNullable(held.get(env));
    }

    /** The environments whose Leases this replica holds now. */
    List<String> environments() {
        return List.copyOf(held.keySet());
    }

    /** Whether this replica may still write to the environment it holds: its renew deadline is ahead. */
    boolean writable(HeldLease h) {
        return clock.getAsLong() - h.validUntil < 0;
    }

    /**
     * Renews a held environment, or hands it over once it left the repository ({@code gone}) or is another's
     * ({@code !mine}) and no run of it is under way.
     */
    void keep(String env, boolean gone, boolean mine, Replica replica) {
        HeldLease h = held.get(env);
        Optional<Sightings.Seen> seen = sightings.get(LeaseNames.environment(env));
        if (seen.isEmpty() || !seen.get().holder().equals(settings.identity())) {
            lost(env, seen.map(s -> "it is held by " + (s.holder().isEmpty() ? "nobody" : s.holder()))
                    .orElse("its Lease was deleted"));
            return;
        }
        if (gone || !mine) {
            h.releasing = true;
            if (!replica.busy(env)) {
                held.remove(env);
                if (gone) {
                    leases.delete(LeaseNames.environment(env));
                } else {
                    leases.update(versions.released(seen.get().lease()));
                }
                LOG.info("{}: handed {} over ({})", settings.identity(), env,
                        gone ? "it left the repository" : "another replica joined");
                return;
            }
        }
        long sent = clock.getAsLong();
        Optional<Lease> renewed = leases.update(versions.renewed(seen.get().lease()));
        if (renewed.isEmpty()) {
            lost(env, "its Lease changed under this replica");
            return;
        }
        h.lease = renewed.get();
        h.validUntil = sent + settings.renewDeadline().toNanos();
        sightings.wrote(renewed.get(), sent);
    }

    /** Takes the environment's Lease if it is free or expired; the engine then reconciles it as its new owner. */
    void take(String env, long now, Replica replica) {
        String name = LeaseNames.environment(env);
        Optional<Sightings.Seen> seen = sightings.get(name);
        if (seen.isPresent() && !seen.get().holder().isEmpty() && !sightings.expired(seen.get(), now)) {
            return;
        }
        long sent = clock.getAsLong();
        // A new Lease starts with this replica's decisions (from its state folder); a taken one keeps its own.
        Map<String, String> annotations = new HashMap<>(DecisionMarks.annotations(replica.decisions(env)));
        annotations.put("plumbline.io/environment", env);
        Optional<Lease> taken = seen.isEmpty()
                ? leases.create(versions.fresh(name, LeaseNames.ENVIRONMENT, annotations))
                : leases.update(versions.takenOver(seen.get().lease()));
        taken.ifPresent(l -> {
            held.put(env, new HeldLease(l, sent + settings.renewDeadline().toNanos()));
            sightings.wrote(l, sent);
            LOG.info("{}: took {}{}", settings.identity(), env, seen.map(s -> s.holder().isEmpty() ? ""
                    : " from " + s.holder() + ", whose Lease expired").orElse(""));
            replica.gained(env, DecisionMarks.of(l));
        });
    }

    /** Writes the environment's decisions as {@code replica} has them now into its Lease, if this replica holds it. */
    void annotate(String env, Replica replica) {
        HeldLease h = held.get(env);
        Optional<Sightings.Seen> seen = sightings.get(LeaseNames.environment(env));
        if (h == null || seen.isEmpty()) {
            return;
        }
        long sent = clock.getAsLong();
        Optional<Lease> written = leases.update(DecisionMarks.with(seen.get().lease(), replica.decisions(env)));
        if (written.isEmpty()) {
            LOG.warn("{}: the Lease of {} changed under this replica; its decisions were not kept in it",
                    settings.identity(), env);
            return;
        }
        // Not a renewal: the holder's deadline stays where its last renewal put it.
        h.lease = written.get();
        sightings.wrote(written.get(), sent);
    }

    /** Hands every held Lease over at once: free for the next replica, not waiting for expiry. */
    void releaseAll() {
        for (String env : environments()) {
            HeldLease h = held.remove(env);
            leases.update(versions.released(h.lease));
        }
    }

    private void lost(String env, String why) {
        held.remove(env);
        LOG.warn("{}: lost {}: {}", settings.identity(), env, why);
    }
}
