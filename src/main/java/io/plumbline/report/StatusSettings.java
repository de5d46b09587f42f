package io.plumbline.report;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Plain settings for building a {@link StatusReporter}, one field per configuration key.
 *
 * @param host            {@code plumbline.status.host}: github, gitlab, gitea, bitbucket-cloud, bitbucket-server
 *                        or notes (the default)
 * @param apiUrl          {@code plumbline.status.api-url}; blank means the public service (GitHub, GitLab,
 *                        Bitbucket Cloud); required for gitea and bitbucket-server
 * @param repository      {@code plumbline.status.repository}: {@code owner/name}, a GitLab project path or id;
 *                        not used by bitbucket-server and notes
 * @param token           {@code plumbline.status.token}; Bitbucket Cloud also takes {@code user:app-password}
 * @param targetUrl       {@code plumbline.status.target-url}: the link on statuses, may hold {@code {environment}}
 * @param localRepository for notes: the repository (the service's cache clone) that receives the notes
 */
public record StatusSettings(String host, String apiUrl, String repository, Token token, String targetUrl,
                             Path localRepository, Timeouts timeouts) {

    public StatusSettings {
        token = token == null ? Token.NONE : token;
        timeouts = timeouts == null ? Timeouts.DEFAULT : timeouts;
    }

    /** Builds the reporter, or explains which setting is missing or wrong. */
    public StatusReporter reporter(Clock clock) {
        StatusHost kind = StatusHost.parse(host);
        if (kind == StatusHost.NOTES) {
            if (localRepository == null) {
                throw new IllegalArgumentException("notes statuses need the local repository folder");
            }
            return new GitNotesReporter(localRepository);
        }
        if (!token.isPresent()) {
            throw new IllegalArgumentException("plumbline.status.token is required for " + kind.id());
        }
        String api = apiUrl == null || apiUrl.isBlank() ? kind.defaultApiUrl() : apiUrl;
        if (api == null) {
            throw new IllegalArgumentException("plumbline.status.api-url is required for " + kind.id());
        }
        return switch (kind) {
            case GITHUB -> RepoStatusesReporter.github(api, repositoryPath(), token, timeouts, clock);
            case GITEA -> RepoStatusesReporter.gitea(api, repositoryPath(), token, timeouts, clock);
            case GITLAB -> new GitLabReporter(api, repositoryPath(), token, timeouts, clock);
            case BITBUCKET_CLOUD -> BitbucketReporter.cloud(api, repositoryPath(), token, targetUrl, timeouts, clock);
            case BITBUCKET_SERVER -> BitbucketReporter.server(api, token, targetUrl, timeouts, clock);
            case NOTES -> throw new IllegalStateException("handled above");
        };
    }

    private RepositoryPath repositoryPath() {
        try {
            return new RepositoryPath(repository);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("plumbline.status.repository: " + e.getMessage());
        }
    }
}
