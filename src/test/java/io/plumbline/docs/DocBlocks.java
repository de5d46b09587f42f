package io.plumbline.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fenced code blocks of the README and of {@code docs/}, and what the shell blocks and the text run. */
final class DocBlocks {
    private static final Pattern BENCH = Pattern.compile("\\./scripts/bench (\\w+)");

    /** A block's text, and where it starts ({@code docs/aws.md:10}). */
    record Block(String where, String text) {}

    private DocBlocks() {}

    static List<Block> of(String language) {
        List<Block> blocks = new ArrayList<>();
        try {
            for (Path page : MarkdownPages.all()) {
                List<String> lines = Files.readAllLines(page);
                for (int i = 0; i < lines.size(); i++) {
                    if (!lines.get(i).strip().startsWith("```")) {
                        continue;
                    }
                    String opened = lines.get(i).strip().substring(3);
                    int start = i;
                    StringBuilder text = new StringBuilder();
                    for (i++; !lines.get(i).strip().startsWith("```"); i++) {
                        text.append(lines.get(i)).append('\n');
                    }
                    if (opened.equals(language)) {
                        blocks.add(new Block(page + ":" + (start + 1), text.toString()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return blocks;
    }

    /**
     * The command lines of a shell block, split into words: continuation lines joined, and optional parts shown
     * as {@code [--app frontend]} taken as given, comments after a command left out.
     */
    static List<List<String>> commands(Block block) {
        List<List<String>> commands = new ArrayList<>();
        String joined = block.text().replace("\\\n", " ");
        for (String line : joined.split("\n")) {
            String words = line.replaceAll("[\\[\\]]", "").replaceAll("\\s+#.*", "").strip();
            if (!words.isEmpty() && !words.startsWith("#")) {
                commands.add(Arrays.asList(words.split("\\s+")));
            }
        }
        return commands;
    }

    /** The benchmarks the pages name as {@code ./scripts/bench Name}. */
    static List<String> benchmarks() throws IOException {
        List<String> names = new ArrayList<>();
        for (Path page : MarkdownPages.all()) {
            Matcher m = BENCH.matcher(Files.readString(page));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
