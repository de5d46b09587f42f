package io.plumbline.provider;

/**
 * Whether this process may still write to the environment being applied. A provider checks it right before every
 * call that changes its target and before every round of a wait, so a replica of a fleet that lost the environment
 * (another replica took its Lease, or its own renew deadline passed) stops at once, not after a long wait. A change
 * that takes its time also asks it whether a newer commit waits, and tells it how far it is.
 */
@FunctionalInterface
public interface Fence {
    /** Alone (the command line, a single service): the environment is always this process's to write. */
    Fence NONE = () -> {
    };

    /**
     * Returns when the environment may still be written; must be cheap, it is asked before every call.
     *
     * @throws NotOwnedException naming the replica and the environment when it may not
     */
    void check();

    /**
     * Whether a newer commit of the environment waits for its turn: a change that takes its time (a migration by
     * steps) stops at its next check and leaves the environment to it, as the newest commit always wins. Never for a
     * process that runs alone.
     */
    default boolean superseded() {
        return false;
    }

    /**
     * Says what a change that takes its time does now ({@code migrating: 25% → 50%, next check in 40 s}): the
     * commit's pending status, the page and the API show it until the reconcile ends. Must not block.
     */
    default void progress(String what) {
    }
}
