package io.plumbline.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan comment on a Bitbucket Server / Data Center pull request ({@code refs/pull-requests/N/from}), through
 * its REST API 1.0 under {@code /rest/api/1.0/projects/{project}/repos/{slug}/pull-requests/{n}}. Bitbucket lists
 * a pull request's general comments only in its activity stream ({@code /activities}, paged by {@code start}
 * with {@code isLastPage} and {@code nextPageStart}); a comment is added by {@code POST /comments {text}} and
 * edited by {@code PUT /comments/{id} {text, version}}, the version it was read at (Bitbucket refuses a stale one
 * with 409, and the next plan tries again).
 */
public final class BitbucketServerComment implements CommentThread {
    private static final Pattern REFS = Pattern.compile("^refs/pull-requests/([0-9]+)/from$");
    private static final int MAX_PAGES = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Found(long id, long version) {
    }

    private final String pullRequests;
    private final Map<String, String> headers;
    private final HttpPoster http;

    /**
     * @param baseUrl    the server's root, e.g. {@code https://bitbucket.example.com}
     * @param repository {@code PROJECT/slug}
     */
    public BitbucketServerComment(String baseUrl, RepositoryPath repository, Token token, Timeouts timeouts,
                                  Clock clock) {
        String[] projectAndSlug = repository.ownerAndName().split("/");
        this.pullRequests = Urls.base(baseUrl) + "/rest/api/1.0/projects/" + projectAndSlug[0] + "/repos/"
                + projectAndSlug[1] + "/pull-requests/";
        this.headers = Map.of("Authorization", "Bearer " + token.value(), "Accept", "application/json");
        this.http = new HttpPoster("bitbucket-server", timeouts, token, clock);
    }

    @Override
    public OptionalInt pullRequest(String ref) {
        Matcher m = REFS.matcher(ref);
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    @Override
    public void upsert(int pullRequest, String environment, String markdown) throws StatusException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", PullRequestComment.text(environment, markdown));
        Optional<Found> existing = find(pullRequest, PullRequestComment.marker(environment));
        String comments = pullRequests + pullRequest + "/comments";
        if (existing.isPresent()) {
            body.put("version", existing.get().version());
            http.check(http.send("PUT", URI.create(comments + "/" + existing.get().id()), headers, body));
        } else {
            http.check(http.postJson(URI.create(comments), headers, body));
        }
    }

    private Optional<Found> find(int pullRequest, String marker) throws StatusException {
        long start = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            HttpPoster.Response response = http.send("GET", URI.create(pullRequests + pullRequest
                    + "/activities?limit=100&start=" + start), headers, null);
            http.check(response);
            JsonNode activities = parse(response.body());
            for (JsonNode activity : activities.path("values")) {
                JsonNode comment = activity.path("comment");
                if ("COMMENTED".equals(activity.path("action").asText())
                        && comment.path("text").asText("").startsWith(marker)) {
                    return Optional.of(new Found(comment.path("id").asLong(), comment.path("version").asLong()));
                }
            }
            if (activities.path("isLastPage").asBoolean(true) || !activities.path("nextPageStart").canConvertToLong()) {
                return Optional.empty();
            }
            start = activities.path("nextPageStart").asLong();
        }
        return Optional.empty();
    }

    private JsonNode parse(String body) throws StatusException {
        try {
            JsonNode page = JSON.readTree(body);
            if (page == null || !page.path("values").isArray()) {
                throw StatusException.permanent("bitbucket-server activities: expected a page of values, got "
                        + http.excerpt(body));
            }
            return page;
        } catch (JsonProcessingException e) {
            throw StatusException.permanent("bitbucket-server activities: not JSON: " + http.excerpt(body));
        }
    }
}
