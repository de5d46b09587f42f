package io.plumbline.render.haproxy;

import io.plumbline.model.InvalidInputException;
import io.plumbline.model.Printable;
import io.plumbline.model.Problem;
import java.util.regex.Pattern;

/**
 * Every value the renderer writes into haproxy.cfg is one unquoted word. HAProxy splits lines on spaces, ends a
 * line at a newline, starts a comment at {@code #} and reads quotes, backslashes and {@code $} specially, so a
 * value holding any of them could add a directive; such a value is refused whatever the schema let through.
 */
final class HaproxyWords {
    private static final Pattern WORD = Pattern.compile("[\\x21-\\x7e&&[^#\"'\\\\$]]+");

    private final String file;

    /** @param file the environment file the values come from, named in the refusal */
    HaproxyWords(String file) {
        this.file = file;
    }

    /** @throws InvalidInputException when the value is not one plain printable word */
    String word(String what, String value) {
        if (value == null || !WORD.matcher(value).matches()) {
            throw new InvalidInputException(Problem.inFile(Printable.escape(file), "cannot be written into"
                    + " haproxy.cfg: " + what + " '" + Printable.escape(String.valueOf(value)) + "' is not one word of"
                    + " printable characters (no spaces, control characters, #, quotes, backslashes or $)"));
        }
        return value;
    }

    /** Words of a path, which must be absolute as well. */
    String path(String what, Object path) {
        String text = word(what, String.valueOf(path));
        if (!text.startsWith("/")) {
            throw new InvalidInputException(Problem.inFile(Printable.escape(file), "cannot be written into"
                    + " haproxy.cfg: " + what + " '" + text + "' is not an absolute path"));
        }
        return text;
    }
}
