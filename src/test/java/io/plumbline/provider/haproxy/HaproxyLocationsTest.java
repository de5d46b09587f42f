package io.plumbline.provider.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.render.haproxy.HaproxyEnvironments;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The environment's HAProxy paths must lie in the allowed folders: the explicit list, the root, or Debian's. */
class HaproxyLocationsTest {
    private static final HaproxyOptions DEBIAN = HaproxyOptions.defaults();

    @Test
    void debiansFoldersByDefault() {
        assertThat(HaproxyLocations.of(env("/etc/haproxy/haproxy.cfg", null), DEBIAN).stateFile())
                .isEqualTo(Path.of("/etc/haproxy/server-state"));
        assertThatThrownBy(() -> HaproxyLocations.of(env("/etc/haproxy/haproxy.cfg", "/etc/passwd"), DEBIAN))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("environments/hostile.yaml:1:1: /spec/haproxy/stateFile: /etc/passwd is outside the folders"
                        + " Plumbline may use for HAProxy (/etc/haproxy, /run/haproxy, /var/lib/haproxy)");
    }

    @Test
    void anExplicitListReplacesThem() {
        HaproxyOptions options = new HaproxyOptions(null, null, null, null, List.of(Path.of("/srv/proxy")));

        assertThatThrownBy(() -> HaproxyLocations.of(env("/etc/haproxy/haproxy.cfg", null), options))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("/spec/haproxy/config")
                .hasMessageContaining("/spec/haproxy/stateFile");
    }

    @Test
    void pathsThatClimbOrHoldControlCharactersAreRefusedBeforeTheyBecomePaths() {
        for (String bad : List.of("/etc/haproxy/../passwd", "/etc/haproxy/./x", "/etc/haproxy/a\u0000b",
                "/etc/haproxy/a b", "/etc/haproxy//x", "etc/haproxy/x")) {
            assertThatThrownBy(() -> HaproxyLocations.of(env("/etc/haproxy/haproxy.cfg", bad), DEBIAN))
                    .as(bad).isInstanceOf(InvalidInputException.class).hasMessageNotContaining("\u0000");
        }
    }

    private static LoadedEnvironment env(String config, String stateFile) {
        return HaproxyEnvironments.loaded("hostile", new HaproxySpec(config, "/run/haproxy/master.sock",
                "/run/haproxy/admin.sock", stateFile, null, null, List.of(), List.of(), null, List.of()));
    }
}
