package io.plumbline.report;

import io.plumbline.report.HostApi.Answer;
import io.plumbline.report.HostApi.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's issue comments API as documented: list a pull request's comments (paged, with a {@code Link} header
 * to the next page), create one, edit one. Pages hold two comments so that paging is exercised.
 */
final class GitHubCommentsApi implements HostApi {
    record Comment(long id, int issue, String body) {
    }

    static final int PAGE = 2;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final Pattern list;
    private final Pattern edit;
    private final String token;
    private final TreeMap<Long, Comment> comments = new TreeMap<>();

    GitHubCommentsApi(String ownerRepo, String token) {
        this.list = Pattern.compile("/repos/" + Pattern.quote(ownerRepo) + "/issues/(\\d+)/comments");
        this.edit = Pattern.compile("/repos/" + Pattern.quote(ownerRepo) + "/issues/comments/(\\d+)");
        this.token = token;
    }

    synchronized GitHubCommentsApi seed(int issue, String body) {
        long id = comments.isEmpty() ? 1001 : comments.lastKey() + 1;
        comments.put(id, new Comment(id, issue, body));
        return this;
    }

    synchronized List<Comment> comments(int issue) {
        return comments.values().stream().filter(c -> c.issue() == issue).toList();
    }

    @Override
    public synchronized Answer handle(Request r) {
        if (!r.header("Authorization").equals("Bearer " + token)) {
            return Answer.error(401, "{\"message\":\"Bad credentials\"}");
        }
        if (!r.header("Accept").equals("application/vnd.github+json")
                || !r.header("X-GitHub-Api-Version").equals("2022-11-28")) {
            return Answer.error(400, "{\"message\":\"Unsupported Accept or API version\"}");
        }
        Matcher l = list.matcher(r.rawPath());
        Matcher e = edit.matcher(r.rawPath());
        if (r.method().equals("GET") && l.matches()) {
            return page(r, Integer.parseInt(l.group(1)));
        }
        String wrong = HostApi.unexpectedFields(r.body(), Set.of("body"));
        if (wrong != null || HostApi.text(r.body(), "body") == null) {
            return (l.matches() || e.matches()) ? Answer.error(422, "{\"message\":\"Validation Failed\"}")
                    : Answer.error(404, "{\"message\":\"Not Found\"}");
        }
        if (r.method().equals("POST") && l.matches()) {
            seed(Integer.parseInt(l.group(1)), HostApi.text(r.body(), "body"));
            return new Answer(201, json(comments.lastEntry().getValue()), null);
        }
        if (r.method().equals("PATCH") && e.matches() && comments.containsKey(Long.parseLong(e.group(1)))) {
            Comment old = comments.get(Long.parseLong(e.group(1)));
            Comment updated = new Comment(old.id(), old.issue(), HostApi.text(r.body(), "body"));
            comments.put(old.id(), updated);
            return new Answer(200, json(updated), null);
        }
        return Answer.error(404, "{\"message\":\"Not Found\"}");
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

    private static String json(Comment c) {
        try {
            return JSON.writeValueAsString(Map.of("id", c.id(), "body", c.body(), "user", Map.of("login", "someone")));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
