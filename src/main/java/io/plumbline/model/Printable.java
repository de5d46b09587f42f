package io.plumbline.model;

/**
 * Text from a commit shown to people or written into files: control characters are never passed on raw.
 */
public final class Printable {
    private Printable() {
    }

    /** Whether the text holds a control character (C0, DEL or C1), a line or paragraph separator. */
    public static boolean hasControl(String text) {
        return text.codePoints().anyMatch(Printable::isControl);
    }

    /** The text with each control character written as {@code \n}, {@code \t} or {@code \}{@code uXXXX}. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (isControl(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029;
    }
}
