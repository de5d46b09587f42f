package io.plumbline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The metric names users build alerts on, exactly as Prometheus scrapes them. */
class MicrometerMetricsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MicrometerMetrics metrics = new MicrometerMetrics(registry);

    @Test
    void everySeriesHasTheNameTheAlertRulesUse() {
        metrics.environmentFound("production");
        metrics.reconciled("production", "failure", Duration.ofMillis(1500));
        metrics.lastSuccess("production", 1_795_000_000L);
        metrics.gitFetchFailed();
        metrics.drift("production", "aws", 2);
        metrics.applied("production", "kubernetes", "configured", 3);
        metrics.statusPublishFailed("github");
        metrics.retryScheduled("production");
        metrics.notConverged("production");
        metrics.repositoryLoadable(false);
        metrics.rolledBack("production");
        metrics.throttled("aws", "EC2");
        metrics.throttled("aws", "EC2");

        assertThat(registry.scrape()).contains(
                "plumbline_reconcile_total{environment=\"production\",result=\"success\"} 0.0",
                "plumbline_reconcile_total{environment=\"production\",result=\"invalid\"} 0.0",
                "plumbline_reconcile_total{environment=\"production\",result=\"refused\"} 0.0",
                "plumbline_reconcile_total{environment=\"production\",result=\"failure\"} 1.0",
                "plumbline_reconcile_duration_seconds_count{environment=\"production\"} 1",
                "plumbline_last_success_timestamp_seconds{environment=\"production\"} 1.795E9",
                "plumbline_git_fetch_failures_total 1.0",
                "plumbline_drift_resources{environment=\"production\",provider=\"aws\"} 2.0",
                "plumbline_changes_applied_total{action=\"configured\",environment=\"production\",provider=\"kubernetes\"} 3.0",
                "plumbline_status_publish_failures_total{host=\"github\"} 1.0",
                "plumbline_reconcile_retries_total{environment=\"production\"} 1.0",
                "plumbline_not_converged_total{environment=\"production\"} 1.0",
                "plumbline_rewinds_refused_total{environment=\"production\"} 0.0",
                "plumbline_rollbacks_total{environment=\"production\"} 1.0",
                "plumbline_repository_loadable 0.0",
                "plumbline_throttled_total{provider=\"aws\",service=\"EC2\"} 2.0");
    }

    @Test
    void anEnvironmentThatIsGoneLeavesNoSeries() {
        metrics.environmentFound("staging");
        metrics.reconciled("staging", "success", Duration.ofMillis(10));
        metrics.drift("staging", "aws", 1);
        metrics.environmentFound("production");

        metrics.environmentGone("staging");

        assertThat(registry.scrape()).doesNotContain("environment=\"staging\"")
                .contains("plumbline_reconcile_total{environment=\"production\",result=\"success\"} 0.0");
        metrics.drift("staging", "aws", 2);
        assertThat(registry.scrape()).contains("plumbline_drift_resources{environment=\"staging\",provider=\"aws\"} 2.0");
    }

    @Test
    void aGaugeKeepsItsLatestValue() {
        metrics.drift("staging", "haproxy", 4);
        metrics.drift("staging", "haproxy", 0);
        assertThat(registry.scrape()).contains("plumbline_drift_resources{environment=\"staging\",provider=\"haproxy\"} 0.0");
    }
}
