package io.plumbline.provider;

/**
 * Whether this process may still write to the environment being applied. A provider checks it right before every
 * call that changes its target and before every round of a wait, so a replica of a fleet that lost the environment
 * (another replica took its Lease, or its own renew deadline passed) stops at once, not after a long wait.
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
}
