package io.plumbline.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One comment per environment on a pull request (a plan, say), kept up to date in place: found by a hidden marker
 * among the pull request's comments, then edited rather than posted again, so a pull request pushed ten times still
 * carries one comment. The hosts differ only in paths, token header and edit verb:
 * <ul>
 *   <li>GitHub: the issue comments API, {@code /repos/{owner}/{repo}/issues/{n}/comments}, edited by {@code PATCH
 *       /issues/comments/{id}};</li>
 *   <li>Gitea and Forgejo: the same paths and bodies under {@code /api/v1}, with a {@code token} header;</li>
 *   <li>GitLab: merge-request notes, {@code /api/v4/projects/{id}/merge_requests/{iid}/notes}, edited by
 *       {@code PUT .../notes/{id}}.</li>
 * </ul>
 * All page their lists with a {@code Link: <...>; rel="next"} header. Calls block; run them off the reconcile's path.
 */
public final class PullRequestComment implements CommentThread {
    /** GitHub's limit is 65,536 characters per comment (the smallest of the hosts); longer text is cut with a note. */
    static final int MAX_BODY = 65_000;
    private static final int MAX_PAGES = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

    /**
     * Where one host keeps a pull request's comments.
     *
     * @param refs   the refs the host keeps pull-request heads under, the number as group 1
     * @param thread the comments of pull request {@code {n}}: listed by GET, added to by POST
     * @param one    comment {@code {id}} of pull request {@code {n}}, edited with {@code editVerb}
     */
    private record Shape(String host, String api, Map<String, String> headers, Pattern refs, String thread,
                         String one, String editVerb) {
    }

    private static final Pattern PULL_REFS = Pattern.compile("^refs/pull/([0-9]+)/head$");
    private static final Pattern MERGE_REQUEST_REFS = Pattern.compile("^refs/merge-requests/([0-9]+)/head$");

    private final Shape shape;
    private final HttpPoster http;

    private PullRequestComment(Shape shape, Token token, Timeouts timeouts, Clock clock) {
        this.shape = shape;
        this.http = new HttpPoster(shape.host(), timeouts, token, clock);
    }

    /** @param apiUrl {@code https://api.github.com}, or {@code https://github.example.com/api/v3} for Enterprise */
    public static PullRequestComment github(String apiUrl, RepositoryPath repository, Token token, Timeouts timeouts,
                                            Clock clock) {
        String repo = Urls.base(apiUrl) + "/repos/" + repository.ownerAndName();
        return new PullRequestComment(new Shape("github", Urls.base(apiUrl), Map.of("Authorization",
                "Bearer " + token.value(), "Accept", "application/vnd.github+json", "X-GitHub-Api-Version",
                "2022-11-28"), PULL_REFS, repo + "/issues/{n}/comments", repo + "/issues/comments/{id}", "PATCH"),
                token, timeouts, clock);
    }

    /** @param apiUrl the server's root, e.g. {@code https://codeberg.org}; {@code /api/v1} is appended */
    public static PullRequestComment gitea(String apiUrl, RepositoryPath repository, Token token, Timeouts timeouts,
                                           Clock clock) {
        String api = Urls.base(apiUrl) + "/api/v1";
        String repo = api + "/repos/" + repository.ownerAndName();
        return new PullRequestComment(new Shape("gitea", api, Map.of("Authorization", "token " + token.value(),
                "Accept", "application/json"), PULL_REFS, repo + "/issues/{n}/comments", repo + "/issues/comments/{id}",
                "PATCH"), token, timeouts, clock);
    }

    /** @param apiUrl the server's root, e.g. {@code https://gitlab.com}; {@code /api/v4} is appended */
    public static PullRequestComment gitlab(String apiUrl, RepositoryPath project, Token token, Timeouts timeouts,
                                            Clock clock) {
        String api = Urls.base(apiUrl) + "/api/v4";
        String notes = api + "/projects/" + project.encoded() + "/merge_requests/{n}/notes";
        return new PullRequestComment(new Shape("gitlab", api, Map.of("PRIVATE-TOKEN", token.value(),
                "Accept", "application/json"), MERGE_REQUEST_REFS, notes, notes + "/{id}", "PUT"), token, timeouts,
                clock);
    }

    /** {@code refs/pull/N/head}, on GitLab {@code refs/merge-requests/N/head}. */
    @Override
    public OptionalInt pullRequest(String ref) {
        Matcher m = shape.refs().matcher(ref);
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    static String marker(String environment) {
        return "<!-- plumbline:" + environment + " -->";
    }

    /** The whole text of the environment's comment: its marker, then the markdown, cut to fit every host. */
    static String text(String environment, String markdown) {
        String text = markdown.length() <= MAX_BODY ? markdown
                : markdown.substring(0, MAX_BODY) + "\n\n*(cut: the full text is in Plumbline)*";
        return marker(environment) + "\n" + text;
    }

    @Override
    public void upsert(int pullRequest, String environment, String markdown) throws StatusException {
        Map<String, Object> body = Map.of("body", text(environment, markdown));
        OptionalLong existing = find(pullRequest, marker(environment));
        HttpPoster.Response response = existing.isPresent()
                ? http.send(shape.editVerb(), URI.create(shape.one().replace("{n}", String.valueOf(pullRequest))
                        .replace("{id}", String.valueOf(existing.getAsLong()))),
                        shape.headers(), body)
                : http.postJson(URI.create(thread(pullRequest)), shape.headers(), body);
        http.check(response);
    }

    private OptionalLong find(int pullRequest, String marker) throws StatusException {
        String next = thread(pullRequest) + "?per_page=100";
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            HttpPoster.Response response = http.send("GET", URI.create(next), shape.headers(), null);
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

    // Placeholders rather than format strings: a GitLab project path is URL-encoded, and %2F is no format.
    private String thread(int pullRequest) {
        return shape.thread().replace("{n}", String.valueOf(pullRequest));
    }

    // The token goes with every page, so a next link is followed only when it stays on the configured API.
    private boolean sameApi(String url) {
        return url.startsWith(shape.api() + "/");
    }

    private JsonNode parse(String body) throws StatusException {
        try {
            JsonNode comments = JSON.readTree(body);
            if (comments == null || !comments.isArray()) {
                throw StatusException.permanent(shape.host() + " comments: expected a JSON array, got "
                        + http.excerpt(body));
            }
            return comments;
        } catch (JsonProcessingException e) {
            throw StatusException.permanent(shape.host() + " comments: not JSON: " + http.excerpt(body));
        }
    }
}
