package io.plumbline.report;

/** A host token that must never be printed: {@link #toString()} hides it and {@link #redact} scrubs it out of text. */
public record Token(String value) {
    public static final Token NONE = new Token("");

    public Token {
        value = value == null ? "" : value.strip();
    }

    public boolean isPresent() {
        return !value.isEmpty();
    }

    /** Text from a host (an error body) with every occurrence of the token replaced. */
    public String redact(String text) {
        return text == null || !isPresent() ? text : text.replace(value, "****");
    }

    @Override
    public String toString() {
        return isPresent() ? "****" : "";
    }
}
