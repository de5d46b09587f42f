package io.plumbline.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.report.HostApi.Answer;
import io.plumbline.report.HostApi.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bitbucket Server's REST API 1.0 for a pull request's general comments, as documented: the activity stream
 * ({@code GET .../pull-requests/{id}/activities}, newest first, paged by {@code start} and {@code limit} with
 * {@code isLastPage} and {@code nextPageStart}; pages hold two activities so that paging is exercised), a comment
 * added ({@code POST .../comments {text}}, 201) and edited ({@code PUT .../comments/{id} {text, version}}, 200,
 * 409 for a stale version). Bearer tokens only.
 */
final class BitbucketServerCommentsApi implements HostApi {
    record Comment(long id, int pullRequest, long version, String text) {
    }

    static final int PAGE = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Pattern activities;
    private final Pattern add;
    private final Pattern edit;
    private final String token;
    private final TreeMap<Long, Comment> comments = new TreeMap<>();

    BitbucketServerCommentsApi(String project, String slug, String token) {
        String pulls = "/rest/api/1.0/projects/" + Pattern.quote(project) + "/repos/" + Pattern.quote(slug)
                + "/pull-requests/(\\d+)";
        this.activities = Pattern.compile(pulls + "/activities");
        this.add = Pattern.compile(pulls + "/comments");
        this.edit = Pattern.compile(pulls + "/comments/(\\d+)");
        this.token = token;
    }

    synchronized BitbucketServerCommentsApi seed(int pullRequest, String text) {
        long id = comments.isEmpty() ? 501 : comments.lastKey() + 1;
        comments.put(id, new Comment(id, pullRequest, 0, text));
        return this;
    }

    synchronized List<Comment> comments(int pullRequest) {
        return comments.values().stream().filter(c -> c.pullRequest() == pullRequest).toList();
    }

    @Override
    public synchronized Answer handle(Request r) {
        if (!r.header("Authorization").equals("Bearer " + token)) {
            return error(401, "Authentication failed. Please check your credentials and try again.");
        }
        Matcher list = activities.matcher(r.rawPath());
        Matcher a = add.matcher(r.rawPath());
        Matcher e = edit.matcher(r.rawPath());
        if (r.method().equals("GET") && list.matches()) {
            return page(r, Integer.parseInt(list.group(1)));
        }
        if (!(r.method().equals("POST") && a.matches()) && !(r.method().equals("PUT") && e.matches())) {
            return error(404, "No such resource");
        }
        if (!r.header("Content-Type").startsWith("application/json")) {
            return error(415, "Content-Type must be application/json");
        }
        JsonNode body = r.body();
        if (body == null || !body.path("text").isTextual() || body.size() != (a.matches() ? 1 : 2)
                || (e.matches() && !body.path("version").canConvertToLong())) {
            return error(400, a.matches() ? "a comment is {text}" : "an edit is {text, version}");
        }
        if (a.matches()) {
            seed(Integer.parseInt(a.group(1)), body.path("text").asText());
            return new Answer(201, json(comments.lastEntry().getValue()), null);
        }
        Comment old = comments.get(Long.parseLong(e.group(2)));
        if (old == null || old.pullRequest() != Integer.parseInt(e.group(1))) {
            return error(404, "Comment " + e.group(2) + " does not exist");
        }
        if (old.version() != body.path("version").asLong()) {
            return error(409, "You are attempting to modify a comment based on out-of-date information.");
        }
        Comment updated = new Comment(old.id(), old.pullRequest(), old.version() + 1, body.path("text").asText());
        comments.put(old.id(), updated);
        return new Answer(200, json(updated), null);
    }

    private Answer page(Request r, int pullRequest) {
        Map<String, String> query = new TreeMap<>();
        for (String pair : (r.rawQuery() == null ? "" : r.rawQuery()).split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        int start = Integer.parseInt(query.getOrDefault("start", "0"));
        List<Comment> newestFirst = new ArrayList<>(comments(pullRequest));
        java.util.Collections.reverse(newestFirst);
        List<Object> values = new ArrayList<>();
        for (int i = start; i < Math.min(newestFirst.size(), start + PAGE); i++) {
            Comment c = newestFirst.get(i);
            values.add(Map.of("id", 9000 + c.id(), "action", "COMMENTED", "commentAction", "ADDED",
                    "comment", view(c)));
        }
        boolean last = start + PAGE >= newestFirst.size();
        Map<String, Object> page = new TreeMap<>(Map.of("size", values.size(), "limit", PAGE, "start", start,
                "isLastPage", last, "values", values));
        if (!last) {
            page.put("nextPageStart", start + PAGE);
        }
        return new Answer(200, write(page), null);
    }

    private static Map<String, Object> view(Comment c) {
        return Map.of("id", c.id(), "version", c.version(), "text", c.text(), "author", Map.of("name", "someone"));
    }

    private static String json(Comment c) {
        return write(view(c));
    }

    private static Answer error(int status, String message) {
        return Answer.error(status, write(Map.of("errors", List.of(Map.of("message", message)))));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
