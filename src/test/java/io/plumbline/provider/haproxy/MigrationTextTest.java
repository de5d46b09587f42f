package io.plumbline.provider.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.model.spec.haproxy.Analysis;
import io.plumbline.model.spec.haproxy.Migration;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a migration says on the commit, and how Prometheus's answers are read. */
class MigrationTextTest {
    private static final String QUERY = "sum(rate(haproxy_server_http_responses_total{code=\"5xx\"}[30s]))";
    private static final Migration M = new Migration(List.of("example"), List.of("aws"), List.of(5, 25, 50, 100),
            "60s", new Analysis("http://127.0.0.1:9090", QUERY, 0.01, "20s"));

    @Test
    void progressNamesTheStepTheNextAndTheWait() {
        assertThat(MigrationText.progress(M.steps(), 1, Duration.ofMillis(39_200)))
                .isEqualTo("migrating: 25% → 50%, next check in 40 s");
        assertThat(MigrationText.progress(M.steps(), 3, Duration.ofSeconds(20)))
                .isEqualTo("migrating: 100% (last step), next check in 20 s");
        assertThat(MigrationText.progress(M.steps(), 0, Duration.ofSeconds(-3)))
                .isEqualTo("migrating: 5% → 25%, next check in 0 s");
    }

    @Test
    void anAbortNamesTheStepTheQueryItsValueAndTheThreshold() {
        assertThat(MigrationText.aborted(M, 25, 0.07000000000001))
                .isEqualTo("migration aborted at 25%: " + QUERY + " = 0.07 > 0.01");
        assertThat(MigrationText.aborted(M, 5, 1234567.0)).endsWith(" = 1235000 > 0.01");
        assertThat(MigrationText.noValue(M, 50)).isEqualTo("migration aborted at 50%: " + QUERY + " gave no value");
    }

    @Test
    void thePlanShowsTheStepsToCome() {
        assertThat(MigrationText.stepsToCome(M, 25)).startsWith("50% → 100%, each held 60s and checked every 20s");
        assertThat(MigrationText.stepsToCome(M, 0)).startsWith("5% → 25% → 50% → 100%,");
    }

    @Test
    void anotherDeclarationIsAnotherMigration() {
        Migration slower = new Migration(M.from(), M.to(), M.steps(), "120s", M.analysis());
        assertThat(MigrationText.declaration(slower)).isNotEqualTo(MigrationText.declaration(M));
        assertThat(MigrationText.declaration(M)).isEqualTo(MigrationText.declaration(new Migration(List.of("example"),
                List.of("aws"), List.of(5, 25, 50, 100), "60s", new Analysis("http://127.0.0.1:9090", QUERY, 0.01,
                "20s"))));
    }

    @Test
    void prometheusAnswersAreReadAsTheirLargestValue() {
        String vector = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                + "{\"metric\":{\"server\":\"a\"},\"value\":[1.5,\"0.002\"]},"
                + "{\"metric\":{\"server\":\"b\"},\"value\":[1.5,\"0.07\"]}]}}";
        assertThat(PrometheusQuery.parse("p", 200, vector)).hasValue(0.07);
        assertThat(PrometheusQuery.parse("p", 200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1.5,\"0.5\"]}}")).hasValue(0.5);
        assertThat(PrometheusQuery.parse("p", 200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")).isEmpty();
        assertThat(PrometheusQuery.parse("p", 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
                + "\"result\":[{\"metric\":{},\"value\":[1.5,\"NaN\"]}]}}")).isEmpty();
    }

    @Test
    void aRefusedQueryOrAnAnswerThatIsNotJsonIsUnavailable() {
        assertThatThrownBy(() -> PrometheusQuery.parse("http://p:9090", 400,
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}"))
                .isInstanceOf(PrometheusQuery.Unavailable.class).hasMessageContaining("answered 400: parse error");
        assertThatThrownBy(() -> PrometheusQuery.parse("http://p:9090", 502, "<html>bad gateway</html>"))
                .isInstanceOf(PrometheusQuery.Unavailable.class).hasMessageContaining("502 with no JSON");
    }
}
