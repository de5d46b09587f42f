package io.plumbline.report;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitLab's {@code POST /api/v4/projects/{id}/statuses/{sha}} with a {@code PRIVATE-TOKEN}. The context is sent
 * as {@code name}. GitLab's states differ: PENDING is sent as {@code running} (Plumbline is already working on
 * the commit, and GitLab refuses some transitions out of {@code pending}); FAILURE and ERROR both become
 * {@code failed}, as GitLab has no separate error state.
 */
public final class GitLabReporter implements StatusReporter {
    private final String projectUrl;
    private final Map<String, String> headers;
    private final HttpPoster poster;

    /** @param apiUrl the server's root, e.g. {@code https://gitlab.com}; {@code /api/v4} is appended */
    public GitLabReporter(String apiUrl, RepositoryPath project, Token token, Timeouts timeouts, Clock clock) {
        this.projectUrl = Urls.base(apiUrl) + "/api/v4/projects/" + project.encoded();
        this.headers = Map.of("PRIVATE-TOKEN", token.value(), "Accept", "application/json");
        this.poster = new HttpPoster(host(), timeouts, token, clock);
    }

    static String state(CommitStatus.State state) {
        return switch (state) {
            case PENDING -> "running";
            case SUCCESS -> "success";
            case FAILURE, ERROR -> "failed";
        };
    }

    @Override
    public void post(CommitStatus status) throws StatusException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", state(status.state()));
        body.put("name", status.context());
        body.put("description", status.description());
        if (status.targetUrl() != null) {
            body.put("target_url", status.targetUrl());
        }
        HttpPoster.Response response = poster.postJson(
                URI.create(projectUrl + "/statuses/" + status.commit()), headers, body);
        // GitLab answers 400 "Cannot transition status via :run from :running" when the commit already shows
        // this state (e.g. a new description while still running): the host shows what we wanted, so that is done.
        if (response.status() == 400 && response.body().contains("Cannot transition status")) {
            return;
        }
        poster.check(response);
    }

    @Override
    public String host() {
        return "gitlab";
    }

    @Override
    public String toString() {
        return "gitlab statuses at " + projectUrl;
    }
}
