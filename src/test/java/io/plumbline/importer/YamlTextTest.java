package io.plumbline.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The writer's YAML reads back to the same values, with short maps in flow style and comments where they belong. */
class YamlTextTest {
    @Test
    void scalarsThatYamlWouldReadAsSomethingElseAreQuoted() {
        for (String s : List.of("033870383707", "yes", "off", "null", "1.10", "2024-01-01", "*:80", "a: b", "#x", "",
                " lead", "trail ", "0 22 * * *", "1e3", "0x1F", "-1", "[x]", "{x}", "a,b", "~", "@x", "`x", "!x",
                "%x", "&x", "|", ">", "\"q\"", "it's", "tab\there", "x #y")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("k", s);
            doc.put("flow", Map.of("v", s));
            doc.put("list", List.of(s));
            String text = YamlText.document(doc);
            Map<String, Object> back = new Yaml().load(text);
            assertThat(back.get("k")).as(text).isEqualTo(s);
            assertThat(back.get("flow")).as(text).isEqualTo(Map.of("v", s));
            assertThat(back.get("list")).as(text).isEqualTo(List.of(s));
        }
        assertThat(YamlText.scalar("10.0.0.0/16")).isEqualTo("10.0.0.0/16");
        assertThat(YamlText.scalar("64M")).isEqualTo("64M");
        assertThat(YamlText.scalar("kubernetes.io/cluster/hopper")).isEqualTo("kubernetes.io/cluster/hopper");
    }

    @Test
    void shortMapsAreFlowLongOnesBlockAndCommentsNameTheSource() {
        Map<String, Object> big = new LinkedHashMap<>();
        big.put("name", "x".repeat(60));
        big.put("description", "y".repeat(60));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("items", List.of(new Commented("sg-1", Map.of("name", "web")), new Commented("sg-2", big)));
        String text = YamlText.document(doc);
        assertThat(text).isEqualTo("items:\n  - {name: web}   # sg-1\n  # sg-2\n  - name: " + "x".repeat(60)
                + "\n    description: " + "y".repeat(60) + "\n");
        assertThat(new Yaml().<Map<String, Object>>load(text).get("items")).isEqualTo(List.of(Map.of("name", "web"),
                big));
    }

    @Test
    void multiLineTextIsALiteralBlockThatReadsBackTheSame() {
        for (String s : List.of("a=1\nb=2\n", "a\n\nb", "#!/bin/sh\necho hi\n", "  indented\nx\n", "x\n\n\n",
                "trailing \nspace")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("data", Map.of("file", s));
            doc.put("list", List.of(s));
            String text = YamlText.document(doc);
            Map<String, Object> back = new Yaml().load(text);
            assertThat(back.get("data")).as(text).isEqualTo(Map.of("file", s));
            assertThat(back.get("list")).as(text).isEqualTo(List.of(s));
        }
    }
}
