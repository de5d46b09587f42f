package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.render.kubernetes.Nodes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppliedFieldsTest {
    private static final Map<String, Object> BEFORE = Map.of("apiVersion", "v1", "kind", "ConfigMap",
            "metadata", Map.of("name", "settings", "labels", Map.of("team", "web", "tier", "front")),
            "data", Map.of("LOG_LEVEL", "debug", "OLD", "x"));
    private static final Map<String, Object> AFTER = Map.of("apiVersion", "v1", "kind", "ConfigMap",
            "metadata", Map.of("name", "settings", "labels", Map.of("team", "web")),
            "data", Map.of("LOG_LEVEL", "info"));

    private static Map<String, Object> live() {
        Map<String, Object> live = AppliedFields.annotate(BEFORE);
        Nodes.child(live, "metadata").put("resourceVersion", "7");
        Nodes.child(Nodes.child(live, "metadata"), "labels").put("added-by", "someone-else");
        return live;
    }

    @Test
    void theAnnotationKeepsFieldNamesNotValues() {
        String annotation = (String) Nodes.at(AppliedFields.annotate(BEFORE), "metadata", "annotations",
                AppliedFields.ANNOTATION);

        assertThat(annotation).contains("\"OLD\":1").doesNotContain("debug");
    }

    @Test
    void fieldsSetBeforeAndNoLongerDeclaredAreRemovedButOthersStay() {
        assertThat(AppliedFields.removed(AFTER, live()))
                .containsExactlyInAnyOrder(List.of("metadata", "labels", "tier"), List.of("data", "OLD"));

        Map<String, Object> merged = AppliedFields.merged(AFTER, live());

        assertThat(Nodes.at(merged, "metadata", "labels")).isEqualTo(Map.of("team", "web", "added-by", "someone-else"));
        assertThat(merged.get("data")).isEqualTo(Map.of("LOG_LEVEL", "info"));
        assertThat(Nodes.at(merged, "metadata", "resourceVersion")).isEqualTo("7");
    }

    @Test
    void aMapNoLongerDeclaredLosesOnlyWhatPlumblineSetInIt() {
        Map<String, Object> noLabels = Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "settings"), "data", Map.of("LOG_LEVEL", "info", "OLD", "x"));

        Map<String, Object> merged = AppliedFields.merged(noLabels, live());

        assertThat(Nodes.at(merged, "metadata", "labels")).isEqualTo(Map.of("added-by", "someone-else"));
    }

    @Test
    void anObjectNeverWrittenByPlumblineLosesNothing() {
        assertThat(AppliedFields.removed(AFTER, BEFORE)).isEmpty();
    }
}
