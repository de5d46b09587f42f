package io.plumbline.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** frame-ancestors 'none' joins a policy a response already has, and replaces a looser frame-ancestors. */
class FrameHeadersTest {
    @Test
    void theRuleIsAddedToAPolicyAlreadyThere() {
        assertThat(FrameHeaders.merged(null)).isEqualTo("frame-ancestors 'none'");
        assertThat(FrameHeaders.merged(" ")).isEqualTo("frame-ancestors 'none'");
        assertThat(FrameHeaders.merged("default-src 'self'")).isEqualTo("default-src 'self'; frame-ancestors 'none'");
        assertThat(FrameHeaders.merged("default-src 'self'; frame-ancestors *; img-src data:;"))
                .isEqualTo("default-src 'self'; img-src data:; frame-ancestors 'none'");
        assertThat(FrameHeaders.merged("Frame-Ancestors https://a.example")).isEqualTo("frame-ancestors 'none'");
    }
}
