package io.plumbline.cluster;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.plumbline.engine.loop.Assignment;
import io.plumbline.metrics.Metrics;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares the environments among the replicas of a fleet with one Lease per environment, held by the replica that
 * reconciles it ({@link EnvironmentLeases}), and one member Lease per live replica ({@link Membership}). Every
 * retry period each replica lists the Leases, renews its own, hands over what rendezvous hashing over the live
 * members gives to another (once no run of it is under way), and takes what it gives to this replica once the
 * Lease is free or expired.
 *
 * <p>Why a Lease per environment: the environment is the unit that must never be reconciled twice at once, so
 * its Lease is the lock itself, and {@code kubectl get leases} shows who reconciles what. Hashing alone over the
 * members would let two replicas with different views both write; the Leases make that impossible, and the
 * hashing only decides who should try, so the spread is even and stable.
 *
 * <p>Why plain Lease updates rather than fabric8's leader elector: the elector elects one leader per Lease with a
 * loop of its own, while here one replica holds many Leases and hands some over on purpose; and the fence must be
 * exact: a replica owns an environment until {@code renew-deadline} after it <em>sent</em> its last successful
 * renewal, while others may take the Lease only {@code lease-duration − retry-period} after they <em>saw</em> that
 * renewal (updates compare and swap on resourceVersion). With the renew deadline shorter than that, a replica
 * that cannot renew has stopped writing before anyone can take over ({@link ClusterSettings}).
 *
 * <p>An environment's decisions (an operator's suspension, a rollback's hold) travel in its Lease's annotations
 * ({@link DecisionMarks}): its holder writes them on every change, and the next holder takes them on with the Lease.
 */
public final class LeaseCoordinator implements Assignment {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseCoordinator.class);

    private final Leases leases;
    private final KubernetesClient client;
    private final ClusterSettings settings;
    private final Metrics metrics;
    private final LongSupplier clock = System::nanoTime;
    private final Sightings sightings;
    private final Membership membership;
    private final EnvironmentLeases held;
    private final LeaseTrouble trouble;
    private final ScheduledThreadPoolExecutor loop = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "plumbline-leases");
        t.setDaemon(true);
        return t;
    });
    private volatile Replica replica;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Takes the client over: it is closed with the coordinator. */
    public LeaseCoordinator(KubernetesClient client, ClusterSettings settings, Metrics metrics) {
        this.client = client;
        this.leases = new Leases(client, settings.namespace());
        this.settings = settings;
        this.metrics = metrics;
        this.sightings = new Sightings(settings.takeoverAfter());
        LeaseVersions versions = new LeaseVersions(settings);
        this.membership = new Membership(leases, versions, sightings, settings, clock);
        this.held = new EnvironmentLeases(leases, versions, sightings, settings, clock);
        this.trouble = new LeaseTrouble(settings, metrics);
        loop.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public boolean owns(String environment) {
        return held.get(environment).filter(h -> !h.releasing && held.writable(h)).isPresent();
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
                .filter(s -> !s.holder().isEmpty() && !sightings.expired(s, now));
    }

    /**
     * Plans what it holds (while it may still write), and what no live replica holds but rendezvous hashing gives
     * to this replica: an environment new in a pull request, or one between owners.
     */
    @Override
    public boolean plans(String environment) {
        return held.get(environment).map(held::writable)
                .orElseGet(() -> owner(environment).isEmpty() && membership.mine(environment));
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
            loop.submit(() -> held.annotate(environment, replica)).get(settings.renewDeadline().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.warn("{}: could not keep the decisions on {} in its Lease ({}); its next owner will not see them",
                    settings.identity(), environment, e.toString());
        }
    }

    /** The live replicas as this replica saw them at its last look, itself included. */
    Set<String> members() {
        return membership.members();
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

    @Override
    public Optional<String> trouble() {
        return trouble.now();
    }

    private void tick() {
        try {
            step();
            trouble.cleared();
        } catch (RuntimeException | Error e) {
            // What is held lapses by itself at its renew deadline; the next tick tries again. An Error too: a
            // scheduled task that throws is never run again, and the replica would hold on without a word.
            trouble.failed(e);
        } finally {
            replica.environments().forEach(env -> metrics.owned(env, owns(env)));
        }
    }

    private void step() {
        List<Lease> all = leases.list();
        long now = clock.getAsLong();
        sightings.update(all, now);
        membership.renew();
        Set<String> environments = replica.environments();
        membership.refresh(now);
        for (String env : held.environments()) {
            held.keep(env, !environments.contains(env), membership.mine(env), replica);
        }
        for (String env : environments) {
            if (held.get(env).isEmpty() && membership.mine(env)) {
                held.take(env, now, replica);
            }
        }
        lookAgainAtExpiry(environments, now);
        membership.forgetDead(now);
    }

    /**
     * Looks again the moment the first Lease this replica waits for expires — a member's (its environments are then
     * spread anew) or an environment's it should hold — rather than up to a retry period later: a dead replica's
     * environments then move {@code lease-duration − retry-period} after its last renewal was seen.
     */
    private void lookAgainAtExpiry(Set<String> environments, long now) {
        LongStream environmentExpiries = environments.stream()
                .filter(env -> held.get(env).isEmpty() && membership.mine(env))
                .flatMap(env -> sightings.get(LeaseNames.environment(env)).stream())
                .filter(s -> !s.holder().isEmpty())
                .mapToLong(s -> sightings.expiresAt(s) - now);
        LongStream.concat(environmentExpiries, membership.nextExpiry(now).stream()).map(wait -> wait + 1_000_000)
                .filter(wait -> wait > 0 && wait < settings.retryPeriod().toNanos() && !closed.get()).min()
                .ifPresent(wait -> loop.schedule(this::tick, wait, TimeUnit.NANOSECONDS));
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
        // Not shutdownNow: a renewal interrupted mid-call may still reach the API server, and the release below would
        // then carry a stale resourceVersion and be refused, leaving the others to wait for expiry. The tick under
        // way ends; those not yet begun never do.
        loop.shutdown();
        try {
            loop.awaitTermination(settings.renewDeadline().toMillis(), TimeUnit.MILLISECONDS);
            held.releaseAll();
            membership.leave();
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
