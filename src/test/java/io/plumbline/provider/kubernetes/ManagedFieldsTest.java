package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ManagedFieldsTest {

    @Test
    void aMergeKeyIsParsedOnceAndSharedReadOnly() {
        Map<String, Object> key = ManagedFields.key("k:{\"containerPort\":8000,\"protocol\":\"TCP\"}");

        assertThat(key).containsEntry("containerPort", 8000).containsEntry("protocol", "TCP");
        assertThat(ManagedFields.key("k:{\"containerPort\":8000,\"protocol\":\"TCP\"}")).isSameAs(key);
        assertThatThrownBy(() -> key.put("protocol", "UDP")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ManagedFields.matches(key, Map.of("containerPort", 8000))).isTrue();
    }

    @Test
    void aKeyThatIsNotJsonMatchesNothing() {
        assertThat(ManagedFields.key("k:{name")).isEmpty();
        assertThat(ManagedFields.matches(ManagedFields.key("k:{name"), Map.of("name", "web"))).isFalse();
    }
}
