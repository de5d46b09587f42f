package io.plumbline.http;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.plumbline.app.ServiceRole;
import io.plumbline.app.StatusParts;
import io.plumbline.app.StatusReporting;
import io.plumbline.engine.EngineSettings;
import io.plumbline.engine.review.PlanListener;
import io.plumbline.engine.history.History;
import io.plumbline.metrics.Metrics;
import io.plumbline.report.StatusPublisher;
import io.plumbline.report.StatusSettings;
import io.plumbline.source.GitSettings;
import jakarta.inject.Singleton;

/**
 * Commit statuses and pull-request comments as beans, from {@code plumbline.status.*}: the values are read here,
 * the parts are built by the composition root ({@link StatusParts}).
 */
@Factory
public class StatusFactory {

    @Singleton
    StatusSettings statusSettings(GitSettings git, EngineSettings settings,
                                  @Value("${plumbline.status.host:notes}") String host,
                                  @Value("${plumbline.status.api-url:}") String apiUrl,
                                  @Value("${plumbline.status.repository:}") String repository,
                                  @Value("${plumbline.status.token:}") String token) {
        return StatusParts.statusSettings(git, settings, host, apiUrl, repository, token);
    }

    @Bean(preDestroy = "close")
    @Singleton
    StatusPublisher statusPublisher(StatusSettings status, EngineSettings settings, Metrics metrics) {
        return StatusParts.statusPublisher(status, settings, metrics);
    }

    /** With the final statuses of the last reconciles submitted again, in case a stop came before they were posted. */
    @Singleton
    StatusReporting statusReporting(StatusPublisher publisher, EngineSettings settings, ServiceRole role,
                                    History history) {
        return StatusParts.statusReporting(publisher, settings, role, history);
    }

    @Singleton
    PlanListener planListener(StatusSettings status, @Value("${plumbline.status.pr-comments:false}") boolean comments,
                              Metrics metrics) {
        return StatusParts.planListener(status, comments, metrics);
    }
}
