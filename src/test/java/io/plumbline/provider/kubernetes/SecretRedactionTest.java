package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.FieldChange;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {
    @Test
    void aLastAppliedCopyOfTheSecretIsRedactedLikeItsData() {
        String copy = "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"data\":{\"password\":\"aHVudGVyMg==\"}}";
        FieldChange annotation = new FieldChange(
                "metadata.annotations.kubectl.kubernetes.io/last-applied-configuration", copy, null);

        assertThat(SecretRedaction.redacted(annotation)).isEqualTo(new FieldChange(annotation.path(), "(redacted)",
                null));
        assertThat(SecretRedaction.redacted(new FieldChange("stringData.token", "t0k3n", "old")))
                .isEqualTo(new FieldChange("stringData.token", "(redacted)", "(redacted)"));
    }

    @Test
    void fieldsThatCannotHoldValuesAreShown() {
        FieldChange label = new FieldChange("metadata.labels.tier", "db", "cache");
        FieldChange type = new FieldChange("type", "Opaque", "kubernetes.io/tls");

        assertThat(SecretRedaction.redacted(label)).isEqualTo(label);
        assertThat(SecretRedaction.redacted(type)).isEqualTo(type);
    }
}
