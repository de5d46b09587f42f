package io.plumbline.report;

import static io.plumbline.report.HostApi.text;
import static io.plumbline.report.HostApi.unexpectedFields;

import io.plumbline.report.HostApi.Accepted;
import io.plumbline.report.HostApi.Answer;
import io.plumbline.report.HostApi.Request;
import java.net.URI;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The five hosts' status endpoints as their API documentation describes them, strict about every field. */
public final class HostApis {
    private static final String SHA = "([0-9a-f]{40})";

    private HostApis() {
    }

    public static HostApi github(String ownerRepo, String token) {
        Pattern path = Pattern.compile("/repos/" + Pattern.quote(ownerRepo) + "/statuses/" + SHA);
        return r -> {
            Matcher m = path.matcher(r.rawPath());
            if (!r.method().equals("POST") || !m.matches()) {
                return Answer.error(404, "{\"message\":\"Not Found\"}");
            }
            if (!r.header("Authorization").equals("Bearer " + token)) {
                return Answer.error(401, "{\"message\":\"Bad credentials\"}");
            }
            if (!r.header("Accept").equals("application/vnd.github+json")
                    || !r.header("X-GitHub-Api-Version").equals("2022-11-28")) {
                return Answer.error(400, "{\"message\":\"Unsupported Accept or API version\"}");
            }
            String wrong = commonFields(r, Set.of("pending", "success", "failure", "error"));
            return wrong != null ? Answer.error(422, "{\"message\":\"Validation Failed: " + wrong + "\"}")
                    : new Answer(201, "{\"id\":1}", new Accepted(m.group(1), text(r.body(), "context"),
                    text(r.body(), "state"), text(r.body(), "description"), text(r.body(), "target_url"), null));
        };
    }

    public static HostApi gitea(String ownerRepo, String token) {
        Pattern path = Pattern.compile("/api/v1/repos/" + Pattern.quote(ownerRepo) + "/statuses/" + SHA);
        return r -> {
            Matcher m = path.matcher(r.rawPath());
            if (!r.method().equals("POST") || !m.matches()) {
                return Answer.error(404, "{\"message\":\"The target couldn't be found.\"}");
            }
            if (!r.header("Authorization").equals("token " + token)) {
                return Answer.error(401, "{\"message\":\"token is required\"}");
            }
            String wrong = commonFields(r, Set.of("pending", "success", "error", "failure", "warning"));
            return wrong != null ? Answer.error(422, "{\"message\":\"" + wrong + "\"}")
                    : new Answer(201, "{\"id\":1}", new Accepted(m.group(1), text(r.body(), "context"),
                    text(r.body(), "state"), text(r.body(), "description"), text(r.body(), "target_url"), null));
        };
    }

    /** GitLab, including its refusal to move a status into the state it is already in. */
    public static HostApi gitlab(String project, String token) {
        Pattern path = Pattern.compile("/api/v4/projects/" + Pattern.quote(project.replace("/", "%2F"))
                + "/statuses/" + SHA);
        Map<String, String> current = new HashMap<>();
        return r -> {
            Matcher m = path.matcher(r.rawPath());
            if (!r.method().equals("POST") || !m.matches()) {
                return Answer.error(404, "{\"message\":\"404 Project Not Found\"}");
            }
            if (!r.header("PRIVATE-TOKEN").equals(token)) {
                return Answer.error(401, "{\"message\":\"401 Unauthorized\"}");
            }
            String wrong = contentType(r);
            wrong = wrong != null ? wrong
                    : unexpectedFields(r.body(), Set.of("state", "name", "description", "target_url", "ref"));
            String state = wrong == null ? text(r.body(), "state") : null;
            if (wrong == null && !Set.of("pending", "running", "success", "failed", "canceled").contains(state)) {
                wrong = "state does not have a valid value";
            }
            if (wrong == null && text(r.body(), "name") == null) {
                wrong = "name is missing";
            }
            if (wrong == null && !validUrl(text(r.body(), "target_url"), false)) {
                wrong = "target_url is invalid";
            }
            if (wrong != null) {
                return Answer.error(400, "{\"error\":\"" + wrong + "\"}");
            }
            String slot = m.group(1) + " " + text(r.body(), "name");
            if (state.equals(current.get(slot)) && Set.of("pending", "running").contains(state)) {
                return Answer.error(400, "{\"message\":\"Cannot transition status via :run from :" + state + "\"}");
            }
            current.put(slot, state);
            return new Answer(201, "{\"id\":1}", new Accepted(m.group(1), text(r.body(), "name"), state,
                    text(r.body(), "description"), text(r.body(), "target_url"), null));
        };
    }

    public static HostApi bitbucketCloud(String workspaceSlug, String token) {
        Pattern path = Pattern.compile("/2.0/repositories/" + Pattern.quote(workspaceSlug) + "/commit/" + SHA
                + "/statuses/build");
        String basic = "Basic " + Base64.getEncoder().encodeToString(token.getBytes());
        return bitbucket(path, a -> a.equals("Bearer " + token) || a.equals(basic),
                Set.of("INPROGRESS", "SUCCESSFUL", "FAILED", "STOPPED"), 201,
                "{\"type\":\"error\",\"error\":{\"message\":\"%s\"}}");
    }

    public static HostApi bitbucketServer(String token) {
        Pattern path = Pattern.compile("/rest/build-status/1.0/commits/" + SHA);
        return bitbucket(path, a -> a.equals("Bearer " + token), Set.of("INPROGRESS", "SUCCESSFUL", "FAILED"), 204,
                "{\"errors\":[{\"message\":\"%s\"}]}");
    }

    private static HostApi bitbucket(Pattern path, java.util.function.Predicate<String> authorized, Set<String> states,
                                     int created, String errorFormat) {
        return r -> {
            Matcher m = path.matcher(r.rawPath());
            if (!r.method().equals("POST") || !m.matches()) {
                return Answer.error(404, String.format(errorFormat, "No such resource"));
            }
            if (!authorized.test(r.header("Authorization"))) {
                return Answer.error(401, String.format(errorFormat, "Authentication failed"));
            }
            String wrong = contentType(r);
            wrong = wrong != null ? wrong
                    : unexpectedFields(r.body(), Set.of("key", "state", "name", "url", "description"));
            if (wrong == null && !states.contains(text(r.body(), "state"))) {
                wrong = "state must be one of " + states;
            }
            String key = wrong == null ? text(r.body(), "key") : null;
            if (wrong == null && (key == null || key.isEmpty() || key.length() > 40)) {
                wrong = "key is required, at most 40 characters";
            }
            if (wrong == null && !validUrl(text(r.body(), "url"), true)) {
                wrong = "url is required and must be a URL";
            }
            return wrong != null ? Answer.error(400, String.format(errorFormat, wrong))
                    : new Answer(created, created == 204 ? "" : "{\"key\":\"" + key + "\"}", new Accepted(m.group(1),
                    text(r.body(), "name"), text(r.body(), "state"), text(r.body(), "description"),
                    text(r.body(), "url"), key));
        };
    }

    private static String commonFields(Request r, Set<String> states) {
        String wrong = contentType(r);
        wrong = wrong != null ? wrong
                : unexpectedFields(r.body(), Set.of("state", "target_url", "description", "context"));
        if (wrong == null && !states.contains(text(r.body(), "state"))) {
            wrong = "state must be one of " + states;
        }
        if (wrong == null && text(r.body(), "context") == null) {
            wrong = "context is missing";
        }
        if (wrong == null && text(r.body(), "description") != null && text(r.body(), "description").length() > 140) {
            wrong = "description is too long (maximum is 140 characters)";
        }
        if (wrong == null && !validUrl(text(r.body(), "target_url"), false)) {
            wrong = "target_url is invalid";
        }
        return wrong;
    }

    private static String contentType(Request r) {
        return r.header("Content-Type").startsWith("application/json") ? null : "Content-Type must be application/json";
    }

    private static boolean validUrl(String url, boolean required) {
        if (url == null) {
            return !required;
        }
        try {
            URI u = URI.create(url);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
