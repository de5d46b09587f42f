package io.plumbline.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.spec.haproxy.Migration;
import io.plumbline.testing.MemoryFiles;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A backend's migration by steps: its query goes to Prometheus and its URL is dialled, so both are held to their
 * grammar; its groups, steps and interval must make a migration that can run.
 */
class MigrationChecksTest {
    private static final String FILE = "environments/production.yaml";
    private static final String GOOD = """
            {from: [example], to: [aws], steps: [5, 25, 50, 100], hold: 60s,
             analysis: {prometheus: "http://prometheus.monitoring:9090", query: "sum(rate(x[1m]))", max: 0.01,
                        interval: 20s}}""";

    private static LoadResult load(String migration, String servers) throws java.io.IOException {
        String yaml = """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: production}
                spec:
                  haproxy:
                    config: /etc/haproxy/haproxy.cfg
                    masterSocket: /run/haproxy/master.sock
                    runtimeSocket: /run/haproxy/admin.sock
                    frontends: [{name: web, bind: "*:80", defaultBackend: backendnodes}]
                    backends:
                      - name: backendnodes
                        servers: %s
                        migration: %s
                """.formatted(servers, migration.replace("\n", " "));
        return new EnvironmentLoader().loadAll(new MemoryFiles(Map.of(FILE, yaml.getBytes(StandardCharsets.UTF_8))));
    }

    private static LoadResult load(String migration) throws java.io.IOException {
        return load(migration, "[{name: aws, address: '10.0.0.1:80'}, {name: example, address: 'www.example.com:80'}]");
    }

    @Test
    void aWholeMigrationLoads() throws Exception {
        LoadResult result = load(GOOD);
        assertThat(result.allProblems()).isEmpty();
        Migration m = result.environments().get(0).environment().spec().haproxy().backends().get(0).migration();
        assertThat(m.steps()).containsExactly(5, 25, 50, 100);
        assertThat(m.analysis().max()).isEqualTo(0.01);
        assertThat(m.holdDuration()).hasSeconds(60);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "to: [aws]|to: [nobody]|/migration/to/0: no server 'nobody'",
        "to: [aws]|to: [example]|servers in both 'from' and 'to': example",
        "to: [aws]|to: []|/migration/to",
        "steps: [5, 25, 50, 100]|steps: [5, 50, 25, 100]|steps must increase: 25 follows 50",
        "steps: [5, 25, 50, 100]|steps: [5, 25, 50]|the last step must be 100",
        "steps: [5, 25, 50, 100]|steps: [0, 100]|/migration/steps/0",
        "steps: [5, 25, 50, 100]|steps: [5, 5, 100]|/migration/steps",
        "steps: [5, 25, 50, 100]|steps: [50, 101]|/migration/steps/1",
        "interval: 20s|interval: 2m|is longer than the hold (60s)",
        "interval: 20s|interval: 500ms|at least 1s",
        "max: 0.01|max: -1|/migration/analysis/max",
        "hold: 60s|hold: soon|/migration/hold",
        "\"sum(rate(x[1m]))\"|\"sum(rate(x[1m]))\\nup\"|/migration/analysis/query",
        "\"sum(rate(x[1m]))\"|\"\"|/migration/analysis/query",
        "http://prometheus.monitoring:9090|http://user:secret@prometheus:9090|/migration/analysis/prometheus",
        "http://prometheus.monitoring:9090|http://prometheus:9090/?x=1|/migration/analysis/prometheus",
        "http://prometheus.monitoring:9090|file:///etc/passwd|/migration/analysis/prometheus",
        "http://prometheus.monitoring:9090|http://prometheus:9090#top|/migration/analysis/prometheus",
        "http://prometheus.monitoring:9090|'http://prom etheus:9090'|/migration/analysis/prometheus",
    })
    void aMigrationThatCannotRunIsRefusedAtItsPosition(String good, String bad, String expected) throws Exception {
        assertThat(load(GOOD.replace(good, bad)).allProblems()).as(bad).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.line()).isGreaterThan(1);
        }).anySatisfy(p -> assertThat(p.toString()).contains(expected));
    }

    @Test
    void aQueryOfAThousandCharactersLoadsAndOneMoreDoesNot() throws Exception {
        assertThat(load(GOOD.replace("sum(rate(x[1m]))", "x".repeat(1000))).allProblems()).isEmpty();
        assertThat(load(GOOD.replace("sum(rate(x[1m]))", "x".repeat(1001))).allProblems()).isNotEmpty();
    }

    @Test
    void itsServersAreReadyAndLeaveTheirWeightToIt() throws Exception {
        assertThat(load(GOOD, "[{name: aws, address: '10.0.0.1:80', state: maint},"
                + " {name: example, address: 'www.example.com:80'}]").allProblems())
                .anySatisfy(p -> assertThat(p.toString()).contains("server 'aws' is maint"));
        assertThat(load(GOOD, "[{name: aws, address: '10.0.0.1:80', weight: 10},"
                + " {name: example, address: 'www.example.com:80'}]").allProblems())
                .anySatisfy(p -> assertThat(p.toString()).contains("declares weight 10"));
    }
}
