package io.plumbline.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.FieldChange;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whole documents differ on both sides, field by field; other fields only where declared. */
class JsonDiffTest {

    @Test
    void keysAndElementsOnlyOneSideHasAreDifferences() {
        Object wanted = Map.of("Statement", List.of(Map.of("Action", List.of("a", "b"))));
        Object found = Map.of("Statement", List.of(Map.of("Action", List.of("a"), "Condition", Map.of("x", "y")),
                Map.of("Action", List.of("c"))));

        assertThat(JsonDiff.diff("document", wanted, found)).containsExactlyInAnyOrder(
                new FieldChange("document.Statement[0].Action[1]", "b", null),
                new FieldChange("document.Statement[0].Condition", null, Map.of("x", "y")),
                new FieldChange("document.Statement[1]", null, Map.of("Action", List.of("c"))));
        assertThat(JsonDiff.diff("document", wanted, wanted)).isEmpty();
    }

    @Test
    void onlyTheNamedFieldsAreComparedWhole() {
        Map<String, Object> wanted = Map.of("document", Map.of("a", 1), "tags", Map.of("team", "x"));
        Map<String, Object> found = Map.of("document", Map.of("a", 1, "b", 2), "tags", Map.of("team", "x", "k", "v"));

        assertThat(TreeDiff.diff(wanted, found, Set.of("document"))).containsExactly(
                new FieldChange("document.b", null, 2));
    }
}
