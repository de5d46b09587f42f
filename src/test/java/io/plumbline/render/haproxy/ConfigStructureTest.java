package io.plumbline.render.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigStructureTest {
    private static final String FILE = """
            # managed by plumbline
            # commit: one

            backend b
                balance roundrobin
                server a 10.0.0.1:80 check weight 1
                server b www.example.com:80 check weight 3 disabled
            """;

    @Test
    void keepsSectionsWithoutCommentsOrRuntimeWords() {
        Map<String, Object> structure = ConfigStructure.of(FILE);
        assertThat(structure).containsExactly(Map.entry("backend b",
                List.of("balance roundrobin", "server a check", "server b www.example.com:80 check")));
    }

    @Test
    void runtimeChangesAndTheHeaderLeaveTheStructureAlone() {
        String changed = FILE.replace("commit: one", "commit: two").replace("10.0.0.1:80 check weight 1",
                "10.0.0.9:8080 check weight 7").replace(" disabled", "");
        assertThat(ConfigStructure.of(changed)).isEqualTo(ConfigStructure.of(FILE));
    }

    @Test
    void aHostNameACheckOrANewServerChangesIt() {
        assertThat(ConfigStructure.of(FILE.replace("www.example.com", "old.example.com")))
                .isNotEqualTo(ConfigStructure.of(FILE));
        assertThat(ConfigStructure.of(FILE.replace("10.0.0.1:80 check", "10.0.0.1:80")))
                .isNotEqualTo(ConfigStructure.of(FILE));
        assertThat(ConfigStructure.of(FILE + "    server c 10.0.0.3:80\n")).isNotEqualTo(ConfigStructure.of(FILE));
    }

    @Test
    void onlyIpAddressesAreSetAtRuntime() {
        assertThat(ConfigStructure.addressSetAtRuntime("10.0.0.21:8000")).isTrue();
        assertThat(ConfigStructure.addressSetAtRuntime("www.example.com:80")).isFalse();
    }
}
