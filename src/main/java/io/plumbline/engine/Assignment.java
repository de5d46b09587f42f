package io.plumbline.engine;

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
    };

    /** Whether this replica may write to the environment now. Must be cheap: it is asked before every write. */
    boolean owns(String environment);

    /** The replica that holds the environment now, as far as this replica knows; empty alone or when none does. */
    Optional<String> owner(String environment);

    /** This replica's name in the fleet; empty when it runs alone. */
    String identity();

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

        /** This replica now owns the environment: the engine reconciles it. */
        void gained(String environment);
    }
}
