package io.plumbline.provider;

/**
 * This replica of a fleet lost an environment during its reconcile: nothing more is written by it. Thrown by a
 * {@link Fence}; providers let it through (it is no failure of an object), and the engine ends the run with it.
 */
public final class NotOwnedException extends RuntimeException {
    public NotOwnedException(String message) {
        super(message);
    }
}
