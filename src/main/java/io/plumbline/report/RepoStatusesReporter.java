package io.plumbline.report;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitHub's and Gitea/Forgejo's commit status API, which share one shape:
 * {@code POST .../repos/{owner}/{repo}/statuses/{sha}} with {@code {state, target_url, description, context}}
 * and the states pending, success, failure, error.
 */
public final class RepoStatusesReporter implements StatusReporter {
    private final String host;
    private final String statusesUrl;
    private final Map<String, String> headers;
    private final HttpPoster poster;

    private RepoStatusesReporter(String host, String statusesUrl, Map<String, String> headers, Token token,
                                 Timeouts timeouts, Clock clock) {
        this.host = host;
        this.statusesUrl = statusesUrl;
        this.headers = headers;
        this.poster = new HttpPoster(host, timeouts, token, clock);
    }

    /**
     * @param apiUrl {@code https://api.github.com}, or {@code https://github.example.com/api/v3} for Enterprise
     */
    public static RepoStatusesReporter github(String apiUrl, RepositoryPath repository, Token token,
                                              Timeouts timeouts, Clock clock) {
        return new RepoStatusesReporter("github", Urls.base(apiUrl) + "/repos/" + repository.ownerAndName(),
                Map.of("Authorization", "Bearer " + token.value(), "Accept", "application/vnd.github+json",
                        "X-GitHub-Api-Version", "2022-11-28"), token, timeouts, clock);
    }

    /** @param apiUrl the server's root, e.g. {@code https://codeberg.org}; {@code /api/v1} is appended */
    public static RepoStatusesReporter gitea(String apiUrl, RepositoryPath repository, Token token,
                                             Timeouts timeouts, Clock clock) {
        return new RepoStatusesReporter("gitea", Urls.base(apiUrl) + "/api/v1/repos/" + repository.ownerAndName(),
                Map.of("Authorization", "token " + token.value(), "Accept", "application/json"), token, timeouts,
                clock);
    }

    @Override
    public void post(CommitStatus status) throws StatusException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", status.state().label());
        if (status.targetUrl() != null) {
            body.put("target_url", status.targetUrl());
        }
        body.put("description", status.description());
        body.put("context", status.context());
        poster.check(poster.postJson(URI.create(statusesUrl + "/statuses/" + status.commit()), headers, body));
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String toString() {
        return host + " statuses at " + statusesUrl;
    }
}
