package io.plumbline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The files of a working copy, as a test edits them: by path under its folder, parents made as needed. */
final class TextFiles {
    private TextFiles() {
    }

    static void write(Path dir, String path, String content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path dir, String path) {
        try {
            return Files.readString(dir.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of {@code from} in a file. */
    static void edit(Path dir, String path, String from, String to) {
        String text = read(dir, path);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(path + " does not contain " + from);
        }
        write(dir, path, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
    }
}
