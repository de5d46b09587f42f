package io.plumbline.provider.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** HAProxy's mark is the whole header line, where each file carries it. */
class HeaderMarkTest {
    @Test
    void aConfigurationIsMarkedByItsFirstLineOnly() {
        assertThat(HeaderMark.onConfig("# managed by plumbline\n# environment: staging\nglobal\n")).isTrue();
        assertThat(HeaderMark.onConfig("# managed by plumbline")).isTrue();
        assertThat(HeaderMark.onConfig("global\n# managed by plumbline\n")).isFalse();
        assertThat(HeaderMark.onConfig("")).isFalse();
    }

    @Test
    void aFirstLineThatOnlyBeginsWithTheHeaderIsSomeoneElses() {
        assertThat(HeaderMark.onConfig("# managed by plumbline-fork\nglobal\n")).isFalse();
        assertThat(HeaderMark.onConfig("# managed by plumbliners, by hand\nglobal\n")).isFalse();
    }

    @Test
    void aServerStateFileIsMarkedOnTheLineAfterItsVersion() {
        assertThat(HeaderMark.onStateFile("1\n# managed by plumbline\n# be_id be_name\n")).isTrue();
        assertThat(HeaderMark.onStateFile("# managed by plumbline\n1\n")).isFalse();
        assertThat(HeaderMark.onStateFile("1\n# managed by plumbline too\n")).isFalse();
        assertThat(HeaderMark.onStateFile("1\n")).isFalse();
    }
}
