package io.plumbline.cluster;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.plumbline.engine.Assignment;
import io.plumbline.metrics.Metrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares the environments among the replicas of a fleet with one Lease per environment, held by the replica that
 * reconciles it, and one member Lease per live replica. Every retry period each replica lists the Leases, renews
 * its own, hands over what rendezvous hashing over the live members gives to another (once no run of it is under
 * way), and takes what it gives to this replica once the Lease is free or expired.
 *
 * <p>Why a Lease per environment: the environment is the unit that must never be reconciled twice at once, so
 * its Lease is the lock itself, and {@code kubectl get leases} shows who reconciles what. Hashing alone over the
 * members would let two replicas with different views both write; the Leases make that impossible, and the
 * hashing only decides who should try, so the spread is even and stable.
 *
 * <p>Why plain Lease updates rather than fabric8's leader elector: the elector elects one leader per Lease with a
 * loop of its own, while here one replica holds many Leases and hands some over on purpose; and the fence must be
 * exact: a replica owns an environment until {@code renew-deadline} after it <em>sent</em> its last successful
 * renewal, while others may take the Lease only {@code lease-duration} after they <em>saw</em> that renewal
 * (updates compare and swap on resourceVersion). With renew deadline shorter than lease duration, a replica that
 * cannot renew has stopped writing before anyone can take over.
 *
 * <p>An environment's decisions (an operator's suspension, a rollback's hold) travel in its Lease's annotations
 * ({@link DecisionMarks}): its holder writes them on every change, and the next holder takes them on with the Lease.
 */
public final class LeaseCoordinator implements Assignment {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseCoordinator.class);

    private final Leases leases;
    private final LeaseVersions versions;
    private final KubernetesClient client;
    private final ClusterSettings settings;
    private final Metrics metrics;
    private final LongSupplier clock;
    private final Sightings sightings = new Sightings();
    private final Map<String, HeldLease> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "plumbline-leases");
        t.setDaemon(true);
        return t;
    });
    private volatile Replica replica;
    private volatile Set<String> members = Set.of();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Takes the client over: it is closed with the coordinator. */
    public LeaseCoordinator(KubernetesClient client, ClusterSettings settings, Metrics metrics) {
        this.client = client;
        this.leases = new Leases(client, settings.namespace());
        this.versions = new LeaseVersions(settings);
        this.settings = settings;
        this.metrics = metrics;
        this.clock = System::nanoTime;
    }

    @Override
    public boolean owns(String environment) {
        HeldLease h = held.get(environment);
        return h != null && !h.releasing && clock.getAsLong() - h.validUntil < 0;
    }

    @Override
    public Optional<String> owner(String environment) {
        return owns(environment) ? Optional.of(settings.identity())
                : heldElsewhere(environment).map(Sightings.Seen::holder);
    }

    @Override
    public Optional<Assignment.Decisions> decidedElsewhere(String environment) {
        return owns(environment) ? Optional.empty()
                : heldElsewhere(environment).map(s -> DecisionMarks.of(s.lease()));
    }

    /** The environment's Lease as last seen, when another replica (or this one, past its deadline) holds it. */
    private Optional<Sightings.Seen> heldElsewhere(String environment) {
        long now = clock.getAsLong();
        return sightings.get(LeaseNames.environment(environment))
                .filter(s -> !s.holder().isEmpty() && !s.expired(now, settings.leaseDuration()));
    }

    /**
     * Plans what it holds (while it may still write), and what no live replica holds but rendezvous hashing gives
     * to this replica: an environment new in a pull request, or one between owners.
     */
    @Override
    public boolean plans(String environment) {
        HeldLease h = held.get(environment);
        return h != null ? clock.getAsLong() - h.validUntil < 0
                : owner(environment).isEmpty() && mine(environment, members);
    }

    /**
     * Writes the decisions into the environment's Lease on the loop that renews it, and waits for that write. They
     * are read when written, so of two changes close together the later is what the Lease keeps.
     */
    @Override
    public void keep(String environment) {
        if (closed.get()) {
            return;
        }
        try {
            loop.submit(() -> annotate(environment)).get(settings.renewDeadline().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.warn("{}: could not keep the decisions on {} in its Lease ({}); its next owner will not see them",
                    settings.identity(), environment, e.toString());
        }
    }

    private void annotate(String env) {
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

    /** The live replicas as this replica saw them at its last look, itself included. */
    Set<String> members() {
        return members;
    }

    @Override
    public String identity() {
        return settings.identity();
    }

    @Override
    public void start(Replica replica) {
        this.replica = replica;
        loop.scheduleWithFixedDelay(this::tick, 0, settings.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            step();
        } catch (RuntimeException e) {
            // What is held lapses by itself at its renew deadline; the next tick tries again.
            LOG.warn("{}: cannot keep the fleet's Leases in {}: {}", settings.identity(), settings.namespace(),
                    e.toString());
        } finally {
            replica.environments().forEach(env -> metrics.owned(env, owns(env)));
        }
    }

    private void step() {
        List<Lease> all = leases.list();
        long now = clock.getAsLong();
        sightings.update(all, now);
        renewMember();
        Set<String> environments = replica.environments();
        Set<String> members = new TreeSet<>(sightings.liveMembers(now, settings.leaseDuration()));
        members.add(settings.identity());
        this.members = Set.copyOf(members);
        for (String env : List.copyOf(held.keySet())) {
            keep(env, environments, members);
        }
        for (String env : environments) {
            if (!held.containsKey(env) && mine(env, members)) {
                take(env, now);
            }
        }
        lookAgainAtExpiry(environments, members, now);
        for (String dead : sightings.deadMembers(now, settings.leaseDuration())) {
            if (!dead.equals(LeaseNames.member(settings.identity()))) {
                leases.delete(dead);
            }
        }
    }

    /**
     * Looks again the moment the first Lease this replica waits for expires — a member's (its environments are then
     * spread anew) or an environment's it should hold — rather than up to a retry period later: a dead replica's
     * environments then move one lease duration after its last renewal was seen.
     */
    private void lookAgainAtExpiry(Set<String> environments, Set<String> members, long now) {
        LongStream environmentExpiries = environments.stream()
                .filter(env -> !held.containsKey(env) && mine(env, members))
                .flatMap(env -> sightings.get(LeaseNames.environment(env)).stream())
                .filter(s -> !s.holder().isEmpty())
                .mapToLong(s -> s.since() + settings.leaseDuration().toNanos() - now);
        LongStream memberExpiries = sightings.nextMemberExpiry(now, settings.leaseDuration(),
                LeaseNames.member(settings.identity())).stream();
        LongStream.concat(environmentExpiries, memberExpiries).map(wait -> wait + 1_000_000)
                .filter(wait -> wait > 0 && wait < settings.retryPeriod().toNanos() && !closed.get()).min()
                .ifPresent(wait -> loop.schedule(this::tick, wait, TimeUnit.NANOSECONDS));
    }

    private boolean mine(String environment, Set<String> members) {
        return Rendezvous.choose(environment, members).filter(settings.identity()::equals).isPresent();
    }

    private void renewMember() {
        String name = LeaseNames.member(settings.identity());
        long sent = clock.getAsLong();
        Optional<Lease> written = sightings.get(name).map(s -> leases.update(versions.renewed(s.lease())))
                .orElseGet(() -> leases.create(versions.fresh(name, LeaseNames.MEMBER, Map.of())));
        written.ifPresent(l -> sightings.wrote(l, sent));
    }

    /** Renews a held environment, or hands it over once it is another's (or gone) and no run of it is under way. */
    private void keep(String env, Set<String> environments, Set<String> members) {
        HeldLease h = held.get(env);
        Optional<Sightings.Seen> seen = sightings.get(LeaseNames.environment(env));
        if (seen.isEmpty() || !seen.get().holder().equals(settings.identity())) {
            lost(env, seen.map(s -> "it is held by " + (s.holder().isEmpty() ? "nobody" : s.holder()))
                    .orElse("its Lease was deleted"));
            return;
        }
        boolean gone = !environments.contains(env);
        if (gone || !mine(env, members)) {
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
    private void take(String env, long now) {
        String name = LeaseNames.environment(env);
        Optional<Sightings.Seen> seen = sightings.get(name);
        if (seen.isPresent() && !seen.get().holder().isEmpty()
                && !seen.get().expired(now, settings.leaseDuration())) {
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

    private void lost(String env, String why) {
        held.remove(env);
        LOG.warn("{}: lost {}: {}", settings.identity(), env, why);
    }

    /**
     * Stops looking at the Leases and hands over what this replica holds, so others take it at once (the engine has
     * finished its runs by now). A replica that dies instead hands over by expiry. Only the first call counts: the
     * engine closes it after its last run, and the container may close it again.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        loop.shutdownNow();
        try {
            loop.awaitTermination(settings.renewDeadline().toMillis(), TimeUnit.MILLISECONDS);
            for (String env : List.copyOf(held.keySet())) {
                HeldLease h = held.remove(env);
                leases.update(versions.released(h.lease));
            }
            leases.delete(LeaseNames.member(settings.identity()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("{}: could not hand its Leases over at shutdown ({}); they expire in {}s", settings.identity(),
                    e.toString(), settings.leaseDuration().toSeconds());
        } finally {
            client.close();
        }
    }
}
