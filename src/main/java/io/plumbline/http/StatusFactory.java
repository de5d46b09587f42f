package io.plumbline.http;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.plumbline.app.ServiceRole;
import io.plumbline.engine.EngineSettings;
import io.plumbline.engine.History;
import io.plumbline.engine.PlanListener;
import io.plumbline.metrics.Metrics;
import io.plumbline.report.BitbucketServerComment;
import io.plumbline.report.PullRequestComment;
import io.plumbline.report.RepositoryPath;
import io.plumbline.report.RetryPolicy;
import io.plumbline.report.StatusHost;
import io.plumbline.report.StatusPublisher;
import io.plumbline.report.StatusSettings;
import io.plumbline.report.Statuses;
import io.plumbline.report.Timeouts;
import io.plumbline.report.Token;
import io.plumbline.source.GitSettings;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Commit statuses and pull-request comments, from {@code plumbline.status.*}. */
@Factory
public class StatusFactory {

    @Singleton
    StatusSettings statusSettings(GitSettings git, EngineSettings settings,
                                  @Value("${plumbline.status.host:notes}") String host,
                                  @Value("${plumbline.status.api-url:}") String apiUrl,
                                  @Value("${plumbline.status.repository:}") String repository,
                                  @Value("${plumbline.status.token:}") String token) {
        return new StatusSettings(host, apiUrl, repository, new Token(token),
                settings.links().entry("{environment}", "{commit}"), git.cacheDir(), Timeouts.DEFAULT);
    }

    @Bean(preDestroy = "close")
    @Singleton
    StatusPublisher statusPublisher(StatusSettings status, EngineSettings settings, Metrics metrics) {
        return new StatusPublisher(status.reporter(Clock.systemUTC()), settings.stateDir().resolve("status"),
                RetryPolicy.DEFAULT, metrics::statusPublishFailed);
    }

    /** With the final statuses of the last reconciles submitted again, in case a stop came before they were posted. */
    @Singleton
    StatusReporting statusReporting(StatusPublisher publisher, EngineSettings settings, ServiceRole role,
                                    History history) {
        StatusReporting reporting = new StatusReporting(publisher, new Statuses(settings.links().entry(
                "{environment}", "{commit}"), role.haproxyHost()));
        reporting.resubmitLast(history);
        return reporting;
    }

    /**
     * With {@code plumbline.status.pr-comments: true} and a GitHub, Gitea/Forgejo, GitLab or Bitbucket Server host,
     * each plan is also a pull-request comment (a merge-request note on GitLab). Bitbucket Cloud serves no
     * pull-request refs, so its pull requests are never planned and get none.
     */
    @Singleton
    PlanListener planListener(StatusSettings status, @Value("${plumbline.status.pr-comments:false}") boolean comments) {
        if (!comments) {
            return PlanListener.NONE;
        }
        StatusHost host = StatusHost.parse(status.host());
        String api = status.apiUrl() == null || status.apiUrl().isBlank() ? host.defaultApiUrl() : status.apiUrl();
        RepositoryPath repository = new RepositoryPath(status.repository());
        return switch (host) {
            case GITHUB -> new PlanComments(PullRequestComment.github(api, repository, status.token(),
                    status.timeouts(), Clock.systemUTC()));
            case GITEA -> new PlanComments(PullRequestComment.gitea(api, repository, status.token(),
                    status.timeouts(), Clock.systemUTC()));
            case GITLAB -> new PlanComments(PullRequestComment.gitlab(api, repository, status.token(),
                    status.timeouts(), Clock.systemUTC()));
            case BITBUCKET_SERVER -> new PlanComments(new BitbucketServerComment(api, repository, status.token(),
                    status.timeouts(), Clock.systemUTC()));
            default -> PlanListener.NONE;
        };
    }
}
