package io.plumbline.model;

import java.util.Objects;

/**
 * A resolved secret value, held only in memory. It prints as {@code (secret)} wherever it is logged, formatted or
 * kept in a record, so a value reaches nothing but the one object it was resolved for.
 */
public final class Sealed {
    private final String value;

    public Sealed(String value) {
        this.value = Objects.requireNonNull(value);
    }

    /** The value itself: for the body of the object it goes into, nothing else. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sealed s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "(secret)";
    }
}
