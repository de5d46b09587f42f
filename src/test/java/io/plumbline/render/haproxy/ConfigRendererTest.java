package io.plumbline.render.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Marks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConfigRendererTest {
    private final LoadedEnvironment production = HaproxyEnvironments.production();
    private final HaproxyPaths paths = HaproxyPaths.of(production.environment().spec().haproxy(), null);

    @Test
    void rendersTheGoldenFile() throws IOException {
        assertThat(ConfigRenderer.render(production, paths)).isEqualTo(golden("production.cfg"));
    }

    @Test
    void sameInputGivesTheSameBytes() {
        assertThat(ConfigRenderer.render(HaproxyEnvironments.production(), paths))
                .isEqualTo(ConfigRenderer.render(production, paths));
    }

    @Test
    void headerNamesEnvironmentAndCommit() {
        assertThat(ConfigRenderer.render(production, paths).lines().limit(3)).containsExactly(
                Marks.HAPROXY_HEADER, "# environment: production",
                "# commit: " + HaproxyEnvironments.REVISION.commit());
    }

    @Test
    void pathsResolveUnderARootFolder() {
        HaproxyPaths underRoot = HaproxyPaths.of(production.environment().spec().haproxy(),
                java.nio.file.Path.of("/tmp/demo"));
        assertThat(underRoot.config()).hasToString("/tmp/demo/etc/haproxy/haproxy.cfg");
        assertThat(ConfigRenderer.render(production, underRoot))
                .contains("stats socket /tmp/demo/run/haproxy/admin.sock mode 660 level admin expose-fd listeners")
                .contains("server-state-file /tmp/demo/var/lib/haproxy/server-state");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ConfigRendererTest.class.getResourceAsStream("/haproxy/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
