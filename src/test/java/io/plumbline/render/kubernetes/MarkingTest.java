package io.plumbline.render.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Kubernetes marks: the ownership label with the environment annotation, or, on a copy of labels, part-of. */
class MarkingTest {
    @Test
    void aMarkedObjectIsItsEnvironmentsAndNoOtherOnes() {
        Map<String, Object> body = Marking.mark(object(), "staging");

        assertThat(Marking.owner(body)).isEqualTo("staging");
        assertThat(Marking.isOwnedBy(body, "staging")).isTrue();
        assertThat(Marking.isOwnedBy(body, "production")).isFalse();
    }

    @Test
    void theLabelWithoutTheAnnotationOrWithAnotherValueIsNoMark() {
        Map<String, Object> body = Marking.mark(object(), "staging");
        Nodes.child(Nodes.child(body, "metadata"), "annotations").remove("plumbline.io/environment");
        assertThat(Marking.owner(body)).isNull();

        Map<String, Object> other = Marking.mark(object(), "staging");
        Nodes.child(Nodes.child(other, "metadata"), "labels").put("app.kubernetes.io/managed-by", "helm");
        assertThat(Marking.owner(other)).isNull();
    }

    @Test
    void labelsCopiedFromOneOfOursNameItsEnvironmentByPartOf() {
        Map<String, Object> body = Marking.mark(object(), "staging");
        Nodes.child(body, "metadata").remove("annotations");

        assertThat(Marking.labelsOwnedBy(body, "staging")).isTrue();
        assertThat(Marking.labelsOwnedBy(body, "production")).isFalse();
        Nodes.child(Nodes.child(body, "metadata"), "labels").remove("app.kubernetes.io/managed-by");
        assertThat(Marking.labelsOwnedBy(body, "staging")).isFalse();
    }

    private static Map<String, Object> object() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", "web");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("metadata", metadata);
        return body;
    }
}
