package io.plumbline.model;

/** A safety rule refused the plan (mass deletion, wrong account). Retrying will not help; a new commit may. */
public class RefusedException extends RuntimeException {
    public RefusedException(String message) {
        super(message);
    }
}
