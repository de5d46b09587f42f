package io.plumbline.provider;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A value made on its first use rather than up front: an SDK client, a whole provider. Thread-safe: however many
 * threads ask at once, the value is made once. A failure to make it is the asking call's, and the next call tries
 * again.
 */
public final class OnFirstUse<T> implements Supplier<T> {
    private final Supplier<? extends T> factory;
    private volatile T value;

    public OnFirstUse(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T made = value;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (value == null) {
                value = factory.get();
            }
            return value;
        }
    }

    /** The value if it has been made, without making it (to close it, or to tell whether it was needed). */
    public Optional<T> ifMade() {
        return Optional.ofNullable(value);
    }
}
