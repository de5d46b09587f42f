package io.plumbline.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Problem;
import io.plumbline.render.haproxy.HaproxyEnvironments;
import io.plumbline.testing.MemoryFiles;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@code spec.haproxy.hosts}: a host id goes into status contexts, URL paths and metric labels, so only ids the
 * schema's grammar allows load, at most 32 of them, each once.
 */
class HaproxyHostsTest {
    private static final String FILE = "environments/edge.yaml";

    private static LoadResult load(String hosts) throws java.io.IOException {
        String yaml = HaproxyEnvironments.namingHosts("edge", hosts);
        return new EnvironmentLoader().loadAll(new MemoryFiles(Map.of(FILE, yaml.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theHostsLoadInTheirOrder() throws Exception {
        LoadResult result = load("[proxy-1, edge-02, a]");
        assertThat(result.allProblems()).isEmpty();
        assertThat(result.environments().get(0).environment().spec().haproxy().hosts())
                .containsExactly("proxy-1", "edge-02", "a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[Proxy-1]", "[proxy_1]", "[-proxy]", "[proxy-]", "['proxy 1']", "['../etc']",
            "['proxy\\n1']", "['']", "[]", "[proxy-1, proxy-1]", "proxy-1", "[1.2.3.4]", "[{id: proxy-1}]",
            "['proxy-1/haproxy']"})
    void aHostIdOutsideTheGrammarIsRefusedAtItsPosition(String hosts) throws Exception {
        assertThat(load(hosts).allProblems()).as(hosts).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.column()).isPositive();
            assertThat(p.toString()).contains("/spec/haproxy/hosts");
        });
    }

    @Test
    void aHostIdOfSixtyFourCharactersAndAThirtyThirdHostAreRefused() throws Exception {
        assertThat(load("[" + "a".repeat(63) + "]").allProblems()).isEmpty();
        assertThat(load("[" + "a".repeat(64) + "]").allProblems()).extracting(Problem::toString)
                .singleElement().asString().startsWith(FILE + ":9:");
        String many = IntStream.rangeClosed(1, 33).mapToObj(i -> "p" + i).collect(Collectors.joining(", ", "[", "]"));
        assertThat(load(many).allProblems()).isNotEmpty();
    }
}
