package io.plumbline.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.model.Problem;
import io.plumbline.testing.MemoryFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Durations are bounded where the schema cannot say it, and the checked properties are the schema's. */
class DurationChecksTest {

    @Test
    void theCheckedPropertiesAreExactlyThoseTheSchemaTypesAsDurations() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Path.of("schema/environment.schema.json").toFile());
        Set<String> durations = new HashSet<>();
        Set<String> others = new HashSet<>();
        collect(schema, durations, others);

        assertThat(durations).isEqualTo(DurationChecks.PROPERTIES);
        assertThat(others).as("no other property shares a duration's name").doesNotContainAnyElementsOf(durations);
    }

    @Test
    void aDurationPastTwoToTheThirtyOneMillisecondsIsRefusedAtItsPosition() throws IOException {
        String file = """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: slow}
                spec:
                  sync: {interval: 24d20h31m23s647ms, healthTimeout: 24d20h31m23s648ms}
                """;
        LoadResult result = new EnvironmentLoader().loadAll(new MemoryFiles(
                Map.of("environments/slow.yaml", file.getBytes(StandardCharsets.UTF_8))));

        assertThat(result.allProblems()).extracting(Problem::toString).containsExactly(
                "environments/slow.yaml:5:54: /spec/sync/healthTimeout: the duration 24d20h31m23s648ms is longer than"
                        + " the longest allowed, 2147483647ms (about 24 days)");
    }

    private static void collect(JsonNode node, Set<String> durations, Set<String> others) {
        JsonNode properties = node.get("properties");
        if (properties != null && properties.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                boolean duration = "#/$defs/duration".equals(field.getValue().path("$ref").asText());
                (duration ? durations : others).add(field.getKey());
            }
        }
        node.forEach(child -> collect(child, durations, others));
    }
}
