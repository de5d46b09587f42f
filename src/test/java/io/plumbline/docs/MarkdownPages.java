package io.plumbline.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The README and the pages of {@code docs/}: their links, and their headings as GitHub names their anchors. */
final class MarkdownPages {
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("``.*?``|`[^`]*`");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    record Link(int line, String target) {}

    private MarkdownPages() {}

    static List<Path> all() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(Path.of("README.md"));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The links outside fenced code blocks, where Markdown renders them. */
    static List<Link> links(Path page) throws IOException {
        List<Link> links = new ArrayList<>();
        boolean fenced = false;
        List<String> lines = Files.readAllLines(page);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            // a link's text may be code ([`example-repo`](example-repo)); code elsewhere is not a link
            Matcher m = LINK.matcher(line.replaceAll("\\[`([^`]*)`\\]", "[$1]").replaceAll(CODE_SPAN.pattern(), ""));
            while (m.find()) {
                links.add(new Link(i + 1, m.group(1)));
            }
        }
        return links;
    }

    static List<Link> linksOfDocs() throws IOException {
        List<Link> links = new ArrayList<>();
        for (Path page : all()) {
            if (page.startsWith("docs")) {
                links.addAll(links(page));
            }
        }
        return links;
    }

    /** Null when the target exists (and, for a Markdown page, holds the anchor), else what is missing. */
    static String resolve(Path page, String target) throws IOException {
        if (target.matches("^[a-z]+:.*")) {
            return null; // http, https, mailto: not checked here
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
            return "no file " + resolved;
        }
        if (hash < 0) {
            return null;
        }
        String anchor = target.substring(hash + 1);
        return anchors(resolved).contains(anchor) ? null : "no heading #" + anchor + " in " + resolved;
    }

    /** GitHub's anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
    static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(page)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            }
            Matcher m = HEADING.matcher(line);
            if (fenced || !m.matches()) {
                continue;
            }
            String slug = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum);
            anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
        }
        return anchors;
    }
}
