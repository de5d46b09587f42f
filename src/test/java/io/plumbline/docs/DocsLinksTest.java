package io.plumbline.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every relative link and {@code #anchor} of the README and of {@code docs/} leads somewhere that exists. */
class DocsLinksTest {

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : MarkdownPages.all()) {
            for (MarkdownPages.Link link : MarkdownPages.links(page)) {
                String problem = MarkdownPages.resolve(page, link.target());
                if (problem != null) {
                    broken.add(page + ":" + link.line() + ": " + link.target() + ": " + problem);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void theReadmeIsAGuideAndReachesEveryPageOfTheDocs() throws IOException {
        assertThat(Files.readAllLines(Path.of("README.md"))).hasSizeLessThanOrEqualTo(400);
        List<String> reached = new ArrayList<>();
        for (MarkdownPages.Link link : MarkdownPages.links(Path.of("README.md"))) {
            reached.add(link.target().replaceFirst("#.*", ""));
        }
        for (MarkdownPages.Link link : MarkdownPages.linksOfDocs()) {
            reached.add("docs/" + link.target().replaceFirst("#.*", ""));
        }
        try (var pages = Files.list(Path.of("docs"))) {
            assertThat(reached).containsAll(pages.map(p -> "docs/" + p.getFileName()).toList());
        }
    }

    @Test
    void aLinkToAHeadingThatIsNotThereIsFound(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path page = Files.writeString(dir.resolve("a.md"), "# The `spec.aws.network` part (VPCs)\n\n[x](#nowhere)\n");
        assertThat(MarkdownPages.resolve(page, "#the-specawsnetwork-part-vpcs")).isNull();
        assertThat(MarkdownPages.resolve(page, "#nowhere")).isEqualTo("no heading #nowhere in " + page);
        assertThat(MarkdownPages.resolve(page, "b.md")).isEqualTo("no file " + dir.resolve("b.md"));
    }
}
