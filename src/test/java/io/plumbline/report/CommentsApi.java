package io.plumbline.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.report.HostApi.Answer;
import io.plumbline.report.HostApi.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host's pull-request comments API as documented: list a pull request's comments (paged, with a {@code Link}
 * header to the next page), create one, edit one. Pages hold two comments so that paging is exercised.
 * <ul>
 *   <li>{@link #github}: the issue comments API, {@code Authorization: Bearer}, its media type and API version,
 *       {@code PATCH /issues/comments/{id}}, 422 for a bad body;</li>
 *   <li>{@link #gitlab}: merge-request notes, {@code PRIVATE-TOKEN}, {@code PUT .../notes/{id}}, 400 for a bad
 *       body.</li>
 * </ul>
 */
final class CommentsApi implements HostApi {
    record Comment(long id, int issue, String body) {
    }

    static final int PAGE = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param list     a pull request's comments, its number in group {@code n}
     * @param edit     one comment, its id in group {@code id} (and the pull request in {@code n} where the host
     *                 names it)
     * @param rejected why a request's headers are refused, as the host answers (status and body), or null
     */
    private record Dialect(Pattern list, Pattern edit, String editVerb, Function<Request, Answer> rejected,
                           Answer badBody, Answer notFound, Function<Comment, Map<String, Object>> json) {
    }

    private final Dialect dialect;
    private final TreeMap<Long, Comment> comments = new TreeMap<>();

    private CommentsApi(Dialect dialect) {
        this.dialect = dialect;
    }

    static CommentsApi github(String ownerRepo, String token) {
        String repo = "/repos/" + Pattern.quote(ownerRepo);
        return new CommentsApi(new Dialect(Pattern.compile(repo + "/issues/(?<n>\\d+)/comments"),
                Pattern.compile(repo + "/issues/comments/(?<id>\\d+)"), "PATCH", r -> {
                    if (!r.header("Authorization").equals("Bearer " + token)) {
                        return Answer.error(401, "{\"message\":\"Bad credentials\"}");
                    }
                    return r.header("Accept").equals("application/vnd.github+json")
                            && r.header("X-GitHub-Api-Version").equals("2022-11-28") ? null
                            : Answer.error(400, "{\"message\":\"Unsupported Accept or API version\"}");
                }, Answer.error(422, "{\"message\":\"Validation Failed\"}"),
                Answer.error(404, "{\"message\":\"Not Found\"}"),
                c -> Map.of("id", c.id(), "body", c.body(), "user", Map.of("login", "someone"))));
    }

    /** @param project the project's path, addressed URL-encoded as one segment ({@code group%2Fproject}) */
    static CommentsApi gitlab(String project, String token) {
        String notes = "/api/v4/projects/" + Pattern.quote(project.replace("/", "%2F"))
                + "/merge_requests/(?<n>\\d+)/notes";
        return new CommentsApi(new Dialect(Pattern.compile(notes), Pattern.compile(notes + "/(?<id>\\d+)"), "PUT",
                r -> r.header("PRIVATE-TOKEN").equals(token) ? null
                        : Answer.error(401, "{\"message\":\"401 Unauthorized\"}"),
                Answer.error(400, "{\"error\":\"body is missing\"}"),
                Answer.error(404, "{\"message\":\"404 Not found\"}"),
                c -> Map.of("id", c.id(), "body", c.body(), "noteable_iid", c.issue(), "system", false,
                        "author", Map.of("username", "someone"))));
    }

    synchronized CommentsApi seed(int issue, String body) {
        long id = comments.isEmpty() ? 1001 : comments.lastKey() + 1;
        comments.put(id, new Comment(id, issue, body));
        return this;
    }

    synchronized List<Comment> comments(int issue) {
        return comments.values().stream().filter(c -> c.issue() == issue).toList();
    }

    @Override
    public synchronized Answer handle(Request r) {
        Answer rejected = dialect.rejected().apply(r);
        if (rejected != null) {
            return rejected;
        }
        Matcher l = dialect.list().matcher(r.rawPath());
        Matcher e = dialect.edit().matcher(r.rawPath());
        if (r.method().equals("GET") && l.matches()) {
            return page(r, Integer.parseInt(l.group("n")));
        }
        if (!l.matches() && !e.matches()) {
            return dialect.notFound();
        }
        if (HostApi.unexpectedFields(r.body(), Set.of("body")) != null || HostApi.text(r.body(), "body") == null) {
            return dialect.badBody();
        }
        if (r.method().equals("POST") && l.matches()) {
            seed(Integer.parseInt(l.group("n")), HostApi.text(r.body(), "body"));
            return new Answer(201, json(comments.lastEntry().getValue()), null);
        }
        if (r.method().equals(dialect.editVerb()) && e.matches() && comments.containsKey(Long.parseLong(e.group("id")))
                && onSamePullRequest(e, comments.get(Long.parseLong(e.group("id"))))) {
            Comment old = comments.get(Long.parseLong(e.group("id")));
            Comment updated = new Comment(old.id(), old.issue(), HostApi.text(r.body(), "body"));
            comments.put(old.id(), updated);
            return new Answer(200, json(updated), null);
        }
        return dialect.notFound();
    }

    private static boolean onSamePullRequest(Matcher edit, Comment comment) {
        return !edit.pattern().pattern().contains("(?<n>") || Integer.parseInt(edit.group("n")) == comment.issue();
    }

    private Answer page(Request r, int issue) {
        Matcher p = Pattern.compile("(?:^|&)page=(\\d+)").matcher(r.rawQuery() == null ? "" : r.rawQuery());
        int page = p.find() ? Integer.parseInt(p.group(1)) : 1;
        List<Comment> all = comments(issue);
        List<String> items = new ArrayList<>();
        for (int i = (page - 1) * PAGE; i < Math.min(all.size(), page * PAGE); i++) {
            items.add(json(all.get(i)));
        }
        Map<String, String> headers = page * PAGE < all.size()
                ? Map.of("Link", "<http://" + r.header("Host") + r.rawPath() + "?per_page=" + PAGE + "&page="
                        + (page + 1) + ">; rel=\"next\"")
                : Map.of();
        return new Answer(200, headers, "[" + String.join(",", items) + "]", null);
    }

    private String json(Comment c) {
        try {
            return JSON.writeValueAsString(dialect.json().apply(c));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
