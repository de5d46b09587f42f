package io.plumbline.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One comment per environment on a GitHub or Gitea/Forgejo pull request (a plan, say), kept up to date in place:
 * found by a hidden marker through the issue comments API, then edited ({@code PATCH}) rather than posted again, so
 * a pull request pushed ten times still carries one comment. Gitea's issue comments API has GitHub's paths and
 * bodies under {@code /api/v1}, with its own token header. Calls block; run them off the reconcile's path.
 */
public final class PullRequestComment {
    /** GitHub's limit is 65,536 characters per comment; longer text is cut with a note. */
    static final int MAX_BODY = 65_000;
    private static final int MAX_PAGES = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
    private final String host;
    private final String apiUrl;
    private final String repoUrl;
    private final Map<String, String> headers;
    private final HttpPoster http;

    private PullRequestComment(String host, String apiUrl, RepositoryPath repository, Map<String, String> headers,
                               Token token, Timeouts timeouts, Clock clock) {
        this.host = host;
        this.apiUrl = apiUrl;
        this.repoUrl = apiUrl + "/repos/" + repository.ownerAndName();
        this.headers = headers;
        this.http = new HttpPoster(host, timeouts, token, clock);
    }

    /** @param apiUrl {@code https://api.github.com}, or {@code https://github.example.com/api/v3} for Enterprise */
    public static PullRequestComment github(String apiUrl, RepositoryPath repository, Token token, Timeouts timeouts,
                                            Clock clock) {
        return new PullRequestComment("github", Urls.base(apiUrl), repository, Map.of("Authorization",
                "Bearer " + token.value(), "Accept", "application/vnd.github+json", "X-GitHub-Api-Version",
                "2022-11-28"), token, timeouts, clock);
    }

    /** @param apiUrl the server's root, e.g. {@code https://codeberg.org}; {@code /api/v1} is appended */
    public static PullRequestComment gitea(String apiUrl, RepositoryPath repository, Token token, Timeouts timeouts,
                                           Clock clock) {
        return new PullRequestComment("gitea", Urls.base(apiUrl) + "/api/v1", repository, Map.of("Authorization",
                "token " + token.value(), "Accept", "application/json"), token, timeouts, clock);
    }

    static String marker(String environment) {
        return "<!-- plumbline:" + environment + " -->";
    }

    /** Creates the environment's comment on the pull request, or replaces its text if it exists. */
    public void upsert(int pullRequest, String environment, String markdown) throws StatusException {
        String text = markdown.length() <= MAX_BODY ? markdown
                : markdown.substring(0, MAX_BODY) + "\n\n*(cut: the full text is in Plumbline)*";
        Map<String, Object> body = Map.of("body", marker(environment) + "\n" + text);
        OptionalLong existing = find(pullRequest, marker(environment));
        HttpPoster.Response response = existing.isPresent()
                ? http.send("PATCH", URI.create(repoUrl + "/issues/comments/" + existing.getAsLong()), headers, body)
                : http.postJson(URI.create(repoUrl + "/issues/" + pullRequest + "/comments"), headers, body);
        http.check(response);
    }

    private OptionalLong find(int pullRequest, String marker) throws StatusException {
        String next = repoUrl + "/issues/" + pullRequest + "/comments?per_page=100";
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            HttpPoster.Response response = http.send("GET", URI.create(next), headers, null);
            http.check(response);
            for (JsonNode comment : parse(response.body())) {
                if (comment.path("body").asText("").startsWith(marker)) {
                    return OptionalLong.of(comment.path("id").asLong());
                }
            }
            next = response.headers().firstValue("Link").map(NEXT::matcher).filter(Matcher::find)
                    .map(m -> m.group(1)).filter(this::sameApi).orElse(null);
        }
        return OptionalLong.empty();
    }

    // The token goes with every page, so a next link is followed only when it stays on the configured API.
    private boolean sameApi(String url) {
        return url.startsWith(apiUrl + "/");
    }

    private JsonNode parse(String body) throws StatusException {
        try {
            JsonNode comments = JSON.readTree(body);
            if (comments == null || !comments.isArray()) {
                throw StatusException.permanent(host + " comments: expected a JSON array, got " + http.excerpt(body));
            }
            return comments;
        } catch (JsonProcessingException e) {
            throw StatusException.permanent(host + " comments: not JSON: " + http.excerpt(body));
        }
    }
}
