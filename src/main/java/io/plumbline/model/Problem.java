package io.plumbline.model;

/**
 * One thing wrong with the input, reported as {@code file:line:col: pointer: message}.
 *
 * <p>File, pointer and message hold no control characters.
 *
 * @param pointer a JSON pointer into the document ({@code /spec/aws/region}); empty for the whole file
 */
public record Problem(String file, int line, int column, String pointer, String message) implements Comparable<Problem> {
    /** Names and values come from a commit: a control character in one is shown escaped, never passed on raw. */
    public Problem {
        file = Printable.escape(file);
        pointer = Printable.escape(pointer);
        message = Printable.escape(message);
    }

    public static Problem inFile(String file, String message) {
        return new Problem(file, 1, 1, "", message);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (pointer.isEmpty() ? "" : pointer + ": ") + message;
    }

    @Override
    public int compareTo(Problem o) {
        int c = file.compareTo(o.file);
        if (c == 0) {
            c = Integer.compare(line, o.line);
        }
        if (c == 0) {
            c = Integer.compare(column, o.column);
        }
        return c == 0 ? message.compareTo(o.message) : c;
    }
}
