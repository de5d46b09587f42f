package io.plumbline.engine;

/** This replica of a fleet lost an environment during its reconcile: nothing more is written by it. */
final class NotOwnedException extends RuntimeException {
    NotOwnedException(String message) {
        super(message);
    }
}
