package io.plumbline.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plumbline.model.InvalidInputException;
import io.plumbline.model.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Input that is not a mistake but an attack, or a file from the wrong editor: refused clearly and cheaply. */
class HostileYamlTest {
    private final YamlReader reader = new YamlReader(YamlLimits.DEFAULT);

    private List<String> problems(String text) {
        return problems(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> problems(byte[] bytes) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> reader.readOne("f.yaml", bytes));
        assertThat(e).as("must be refused").isNotNull();
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void billionLaughsAliasBombIsRefused() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        assertThat(problems(yaml.toString())).containsExactly(
                "f.yaml:1:1: refused: more than 50 aliases to collections (an alias bomb?)");
    }

    @Test
    void aliasesWithinTheLimitStillCannotExpandBeyondTheValueLimit() {
        YamlReader small = new YamlReader(new YamlLimits(1024 * 1024, 40, 50, 1000));
        String yaml = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n";
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> small.readOne("f.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                "f.yaml:1:1: refused: the document expands to more than 1,000 values (an alias bomb?)");
    }

    @Test
    void anAliasInsideItsOwnValueIsRefusedAtTheAnchor() {
        // Walked without end before: StackOverflowError, which nothing above the loader expects. SnakeYAML keeps no
        // position for an alias, so the problem is at the anchor, with the pointer of the alias.
        assertThat(problems("x: &r [*r]\n")).containsExactly("f.yaml:1:4: /x/0: the anchor &r is used inside its own"
                + " value, so the value would contain itself; write it out instead");
        assertThat(problems("a: 1\nm: &m\n  b: {c: [1, *m]}\n")).containsExactly("f.yaml:2:4: /m/b/c/1: the anchor &m"
                + " is used inside its own value, so the value would contain itself; write it out instead");
    }

    @Test
    void anAliasUsedTwiceSideBySideIsNoCycle() {
        YamlDocument doc = reader.readOne("f.yaml", "a: &a {b: 1}\nc: [*a, *a]\n".getBytes());
        assertThat(doc.tree().get("c")).hasSize(2);
    }

    @Test
    void aliasesCannotNestDeeperThanTheLimitOnceExpanded() {
        // The position is that of the value in its anchor; the pointer says where the alias put it.
        String nested = "[".repeat(30) + "]".repeat(30);
        assertThat(problems("a: &a " + nested + "\nb: [[[[[[[[[[[*a]]]]]]]]]]]\n")).containsExactly(
                "f.yaml:1:35: /b/0" + "/0".repeat(38) + ": refused:"
                        + " nesting deeper than 40 levels once aliases are expanded");
    }

    @Test
    void nestingUpToTheParsersLimitStillReads() {
        int deepest = 39;
        YamlDocument doc = reader.readOne("f.yaml", ("a: " + "[".repeat(deepest) + "]".repeat(deepest) + "\n").getBytes());
        assertThat(doc.tree().get("a").isArray()).isTrue();
    }

    @Test
    void aTagWithAnEscapedSpaceIsAProblemAtItsPlace() {
        // Found by LoaderFuzzTest: SnakeYAML threw IllegalArgumentException, without a position, for this tag.
        assertThat(problems("a: b\nc: !<%20x> d\n"))
                .containsExactly("f.yaml:2:4: YAML syntax: a tag with leading or trailing spaces");
        assertThat(problems("!%A")).containsExactly("f.yaml:1:1: YAML syntax: a tag with leading or trailing spaces");
    }

    @Test
    void deepNestingIsRefused() {
        String yaml = "a: " + "[".repeat(100) + "]".repeat(100) + "\n";
        assertThat(problems(yaml)).containsExactly("f.yaml:1:1: refused: nesting deeper than 40 levels");
    }

    @Test
    void oversizedFileIsRefusedBeforeParsing() {
        byte[] big = new byte[YamlLimits.DEFAULT.maxBytes() + 1];
        java.util.Arrays.fill(big, (byte) '#');
        assertThat(problems(big)).containsExactly(
                "f.yaml:1:1: the file is 1,048,577 bytes; the limit is 1,048,576 bytes");
    }

    @Test
    void invalidUtf8IsReportedWithItsPosition() {
        byte[] bytes = "a: 1\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(problems(bytes)).containsExactly(
                "f.yaml:2:7: not valid UTF-8 (byte 0xE9); save the file as UTF-8");
    }

    @Test
    void tabsInIndentationAreReportedOnEveryLine() {
        assertThat(problems("a:\n\tb: 1\n  c:\n  \td: 2\n")).containsExactly(
                "f.yaml:2:1: a tab in the indentation; YAML indents with spaces",
                "f.yaml:4:3: a tab in the indentation; YAML indents with spaces");
    }

    @Test
    void unquotedAccountIdWithLeadingZeroStaysText() {
        YamlDocument doc = reader.readOne("f.yaml", "accountId: 033870383707\nport: 8000\n".getBytes());
        assertThat(doc.tree().get("accountId").isTextual()).isTrue();
        assertThat(doc.tree().get("accountId").asText()).isEqualTo("033870383707");
        assertThat(doc.tree().get("port").intValue()).isEqualTo(8000);
    }

    @Test
    void yamlOneOneBooleansStayStringsSoTheSchemaCanRejectThem() {
        YamlDocument doc = reader.readOne("f.yaml", "a: yes\nb: on\nc: true\nd: NO\n".getBytes());
        assertThat(doc.tree().get("a").isTextual()).isTrue();
        assertThat(doc.tree().get("b").isTextual()).isTrue();
        assertThat(doc.tree().get("c").booleanValue()).isTrue();
        assertThat(doc.tree().get("d").asText()).isEqualTo("NO");
    }

    @Test
    void positionsPointAtKeysAndValues() {
        YamlDocument doc = reader.readOne("f.yaml", "spec:\n  sync:\n    mode: auto\n".getBytes());
        assertThat(doc.positions().valueOf("/spec/sync/mode")).isEqualTo(new Positions.At(3, 11));
        assertThat(doc.positions().keyOf("/spec/sync/mode")).isEqualTo(new Positions.At(3, 5));
    }
}
