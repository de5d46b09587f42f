package io.plumbline.app;

import io.plumbline.engine.EngineSettings;
import io.plumbline.engine.history.History;
import io.plumbline.engine.review.PlanListener;
import io.plumbline.metrics.Metrics;
import io.plumbline.report.BitbucketServerComment;
import io.plumbline.report.CommentThread;
import io.plumbline.report.PlanCommentPoster;
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
import java.time.Clock;

/** Where the service's commit statuses and pull-request comments go, built from {@code plumbline.status.*}. */
public final class StatusParts {
    private StatusParts() {
    }

    public static StatusSettings statusSettings(GitSettings git, EngineSettings settings, String host, String apiUrl,
                                                String repository, String token) {
        return new StatusSettings(host, apiUrl, repository, new Token(token),
                settings.links().entry("{environment}", "{commit}"), git.cacheDir(), Timeouts.DEFAULT);
    }

    public static StatusPublisher statusPublisher(StatusSettings status, EngineSettings settings, Metrics metrics) {
        return new StatusPublisher(status.reporter(Clock.systemUTC()), settings.stateDir().resolve("status"),
                RetryPolicy.DEFAULT, metrics::statusPublishFailed);
    }

    /**
     * The statuses of reconciles, as the service posts them; the last one recorded is submitted again at start, in
     * case the service stopped between recording a reconcile and posting its status (posted ones are not doubled).
     */
    public static StatusReporting statusReporting(StatusPublisher publisher, EngineSettings settings,
                                                  ServiceRole role, History history) {
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
    /**
     * With {@code plumbline.status.pr-comments: true} and a GitHub, Gitea/Forgejo, GitLab or Bitbucket Server host,
     * each plan is also a pull-request comment (a merge-request note on GitLab), written in the background and
     * retried; one given up is counted. Bitbucket Cloud serves no pull-request refs, so its pull requests are never
     * planned and get none.
     */
    public static PlanListener planListener(StatusSettings status, boolean comments, Metrics metrics) {
        if (!comments) {
            return PlanListener.NONE;
        }
        StatusHost host = StatusHost.parse(status.host());
        String api = status.apiUrl() == null || status.apiUrl().isBlank() ? host.defaultApiUrl() : status.apiUrl();
        RepositoryPath repository = new RepositoryPath(status.repository());
        CommentThread thread = switch (host) {
            case GITHUB -> PullRequestComment.github(api, repository, status.token(), status.timeouts(),
                    Clock.systemUTC());
            case GITEA -> PullRequestComment.gitea(api, repository, status.token(), status.timeouts(),
                    Clock.systemUTC());
            case GITLAB -> PullRequestComment.gitlab(api, repository, status.token(), status.timeouts(),
                    Clock.systemUTC());
            case BITBUCKET_SERVER -> new BitbucketServerComment(api, repository, status.token(), status.timeouts(),
                    Clock.systemUTC());
            default -> null;
        };
        return thread == null ? PlanListener.NONE : new PlanComments(new PlanCommentPoster(thread, status.host(),
                RetryPolicy.DEFAULT, metrics::planCommentFailed));
    }
}
