package io.plumbline.http.page;

/**
 * Building HTML text. Every value from outside (environment files, commit messages, provider answers) goes
 * through {@link #text}; only this package's own markup is appended unescaped.
 */
final class Html {
    private final StringBuilder out = new StringBuilder();

    /** Escapes for element content and for quoted attribute values alike. */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** A path segment for a link: anything but letters, digits, dot, dash and underscore is percent-encoded. */
    static String segment(String value) {
        StringBuilder s = new StringBuilder();
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-' || c == '_') {
                s.append(c);
            } else {
                s.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return s.toString();
    }

    /** Markup of this package, appended as it is. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** A value from outside, escaped. */
    Html text(String value) {
        out.append(escape(value));
        return this;
    }

    /** {@code <tag class="cls">value</tag>} with the value escaped. */
    Html el(String tag, String cls, String value) {
        out.append('<').append(tag);
        if (!cls.isEmpty()) {
            out.append(" class=\"").append(escape(cls)).append('"');
        }
        return raw(">").text(value).raw("</" + tag + ">");
    }

    /** A link whose address this package built from escaped or encoded parts. */
    Html link(String href, String value) {
        return raw("<a href=\"").text(href).raw("\">").text(value).raw("</a>");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
