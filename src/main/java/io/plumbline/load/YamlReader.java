package io.plumbline.load;

import io.plumbline.model.InvalidInputException;
import io.plumbline.model.Problem;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads YAML defensively: size, encoding and indentation are checked before parsing, aliases and depth
 * are bounded while parsing, and every value keeps its line and column for error messages.
 */
public final class YamlReader {
    private final YamlLimits limits;

    public YamlReader(YamlLimits limits) {
        this.limits = limits;
    }

    /** Exactly one document: an environment file. */
    YamlDocument readOne(String file, byte[] bytes) {
        List<YamlDocument> docs = read(file, bytes, true);
        if (docs.isEmpty()) {
            throw new InvalidInputException(Problem.inFile(file, "the file is empty; expected one YAML document"));
        }
        return docs.get(0);
    }

    /** Any number of documents separated by {@code ---}; empty ones are skipped (manifest files). */
    List<YamlDocument> readAll(String file, byte[] bytes) {
        return read(file, bytes, false);
    }

    private List<YamlDocument> read(String file, byte[] bytes, boolean single) {
        if (bytes.length > limits.maxBytes()) {
            throw new InvalidInputException(Problem.inFile(file, String.format(
                    "the file is %,d bytes; the limit is %,d bytes", bytes.length, limits.maxBytes())));
        }
        String text = decode(file, bytes);
        List<Problem> tabs = tabsInIndentation(file, text);
        if (!tabs.isEmpty()) {
            throw new InvalidInputException(tabs);
        }
        List<YamlDocument> docs = new ArrayList<>();
        try {
            for (Node root : parser().composeAll(new StringReader(text))) {
                if (root == null) {
                    continue;
                }
                if (single && !docs.isEmpty()) {
                    Mark m = root.getStartMark();
                    throw new InvalidInputException(new Problem(file, m.getLine() + 1, m.getColumn() + 1, "",
                            "a second YAML document; an environment file holds exactly one"));
                }
                docs.add(new NodeConverter(file, limits).convert(root));
            }
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            Mark from = e.getContextMark();
            String context = e.getContext() == null ? "" : " (" + e.getContext()
                    + (from == null || from == m ? "" : " that starts at line " + (from.getLine() + 1) + ", column "
                    + (from.getColumn() + 1)) + ")";
            throw new InvalidInputException(new Problem(file, m == null ? 1 : m.getLine() + 1,
                    m == null ? 1 : m.getColumn() + 1, "", "YAML syntax: " + what + context));
        } catch (ReaderException e) {
            throw new InvalidInputException(at(file, text, e.getPosition(), String.format(
                    "a control character (U+%04X) that YAML does not allow", e.getCodePoint())));
        } catch (YAMLException e) {
            throw new InvalidInputException(Problem.inFile(file, "refused: " + limitMessage(e.getMessage())));
        } catch (IllegalArgumentException e) {
            // SnakeYAML refuses some tags (a %-escaped space in a verbatim tag, !<%20x>) only when it makes the
            // node, with no position: the events, which carry one, are read again to find the tag.
            throw new InvalidInputException(spacedTag(file, text).orElse(Problem.inFile(file,
                    "YAML syntax: " + e.getMessage())));
        }
        return docs;
    }

    private Optional<Problem> spacedTag(String file, String text) {
        for (Event event : parser().parse(new StringReader(text))) {
            String tag = event instanceof ScalarEvent scalar ? scalar.getTag()
                    : event instanceof CollectionStartEvent collection ? collection.getTag() : null;
            if (tag != null && !tag.equals(tag.strip())) {
                Mark m = event.getStartMark();
                return Optional.of(new Problem(file, m.getLine() + 1, m.getColumn() + 1, "",
                        "YAML syntax: a tag with leading or trailing spaces"));
            }
        }
        return Optional.empty();
    }

    /** The problem at a character offset of the text. */
    private static Problem at(String file, String text, int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Problem(file, line, offset - lineStart + 1, "", message);
    }

    private Yaml parser() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setNestingDepthLimit(limits.maxDepth());
        options.setCodePointLimit(limits.maxBytes());
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        return new Yaml(options);
    }

    private String limitMessage(String raw) {
        if (raw.contains("aliases")) {
            return "more than " + limits.maxAliases() + " aliases to collections (an alias bomb?)";
        }
        if (raw.contains("Nesting Depth")) {
            return "nesting deeper than " + limits.maxDepth() + " levels";
        }
        return raw;
    }

    static String decode(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            String text = decoder.decode(in).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new InvalidInputException(new Problem(file, line, offset - lineStart + 1, "",
                    String.format("not valid UTF-8 (byte 0x%02X); save the file as UTF-8", bytes[offset] & 0xff)));
        }
    }

    private static List<Problem> tabsInIndentation(String file, String text) {
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            for (int col = 0; col < line.length() && (line.charAt(col) == ' ' || line.charAt(col) == '\t'); col++) {
                if (line.charAt(col) == '\t') {
                    problems.add(new Problem(file, i + 1, col + 1, "", "a tab in the indentation; YAML indents with spaces"));
                    break;
                }
            }
        }
        return problems;
    }
}
