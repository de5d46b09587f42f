package io.plumbline.source;

/** A token, password or key that must never be printed: {@link #toString()} hides it. */
public record Secret(String value) {
    public static final Secret NONE = new Secret("");

    public boolean isPresent() {
        return value != null && !value.isEmpty();
    }

    @Override
    public String toString() {
        return isPresent() ? "****" : "";
    }
}
