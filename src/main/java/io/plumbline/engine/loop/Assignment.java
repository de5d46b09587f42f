package io.plumbline.engine.loop;

import java.util.Optional;
import java.util.Set;

/**
 * Which environments this replica may reconcile. One process alone reconciles every environment ({@link #SOLE});
 * in a fleet each environment is reconciled by exactly one replica, and every replica still fetches, loads and
 * serves the read API. The engine asks {@link #owns} before it starts a run and again right before every write, so
 * a replica that lost an environment stops writing to it.
 */
public interface Assignment extends AutoCloseable {
    /** The only replica: owns every environment, for ever. */
    Assignment SOLE = new Assignment() {
        @Override
        public boolean owns(String environment) {
            return true;
        }

        @Override
        public Optional<String> owner(String environment) {
            return Optional.empty();
        }

        @Override
        public String identity() {
            return "";
        }

        @Override
        public boolean plans(String environment) {
            return true;
        }
    };

    /** Whether this replica may write to the environment now. Must be cheap: it is asked before every write. */
    boolean owns(String environment);

    /** The replica that holds the environment now, as far as this replica knows; empty alone or when none does. */
    Optional<String> owner(String environment);

    /** This replica's name in the fleet; empty when it runs alone. */
    String identity();

    /**
     * Whether this replica plans the environment at a pull-request head and posts its plan status: the replica that
     * holds it, or, for one no replica holds (new in the pull request, or between owners), the replica it would go
     * to. So each plan status is posted once, not once per replica.
     */
    boolean plans(String environment);

    /**
     * The operator's or the rollback's decisions on an environment this replica owns changed: keeps them (as
     * {@link Replica#decisions} says when they are written) where its next owner finds them, before returning. A
     * replica that does not own it keeps nothing. Alone they live in the state folder only, so this does nothing.
     */
    default void keep(String environment) {
    }

    /**
     * The decisions on an environment another replica holds, as this replica last saw them kept for it; empty
     * alone, when this replica holds it (its own state says), or when no replica does.
     */
    default Optional<Decisions> decidedElsewhere(String environment) {
        return Optional.empty();
    }

    /**
     * Why this replica cannot take part in the fleet now (its Leases cannot be kept: the namespace is missing, the
     * API server refuses or fails), naming the cause; empty when it can, and always alone. The service is not ready
     * while there is one.
     */
    default Optional<String> trouble() {
        return Optional.empty();
    }

    /** Starts taking part; {@code replica} is what the assignment asks of this replica's engine. */
    default void start(Replica replica) {
    }

    /** Stops taking part, handing what it holds over at once (a replica that dies hands over by expiry instead). */
    @Override
    default void close() {
    }

    /** What the assignment needs of the engine it assigns for. */
    interface Replica {
        /** The environments of the newest loaded commit. */
        Set<String> environments();

        /** Whether a run of the environment is under way or waiting (it is not handed over meanwhile). */
        boolean busy(String environment);

        /** The decisions this replica holds on the environment: what a Lease made for it starts with. */
        Decisions decisions(String environment);

        /**
         * This replica now owns the environment: the engine takes on the decisions its previous owner kept (they
         * replace this replica's own, which may be stale), then reconciles it.
         */
        void gained(String environment, Decisions decisions);
    }

    /**
     * What an operator or a rollback decided on an environment, which follows it from replica to replica.
     *
     * @param suspended  an operator suspended it
     * @param heldCommit the commit held after a rollback, or empty
     * @param heldReason why it is held (its status), or empty
     */
    record Decisions(boolean suspended, String heldCommit, String heldReason) {
        public static final Decisions NONE = new Decisions(false, "", "");
    }
}
