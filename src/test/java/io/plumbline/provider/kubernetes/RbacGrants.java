package io.plumbline.provider.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Grants as {@code verb group/resource} ({@code verb resource} for the core group): those RBAC rules give, and those
 * an API server's audit log shows a user used. An apply that created its object (a patch answered 201) used
 * {@code create} as well: the API server authorizes it for both.
 */
final class RbacGrants {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RbacGrants() {
    }

    /** Every grant of the rules of the ClusterRoles and Roles among {@code objects}. */
    @SuppressWarnings("unchecked")
    static Set<String> given(List<Map<String, Object>> objects) {
        Set<String> grants = new TreeSet<>();
        objects.stream().filter(o -> List.of("ClusterRole", "Role").contains(o.get("kind")))
                .flatMap(role -> ((List<Map<String, List<String>>>) role.get("rules")).stream())
                .forEach(rule -> rule.get("apiGroups").forEach(group -> rule.get("resources").forEach(resource ->
                        rule.get("verbs").forEach(verb -> grants.add(grant(verb, group, resource))))));
        return grants;
    }

    /** The lines of the audit log, none while it does not exist. */
    static List<String> log(Path auditLog) {
        try {
            return Files.exists(auditLog) ? Files.readAllLines(auditLog) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The grants {@code user} used in these audit lines: requests on resources it was not refused (403). */
    static Set<String> used(List<String> auditLines, String user) {
        Set<String> used = new TreeSet<>();
        for (JsonNode event : events(auditLines, user)) {
            JsonNode ref = event.path("objectRef");
            int code = event.path("responseStatus").path("code").asInt();
            if (ref.isMissingNode() || code == 403) {
                continue;
            }
            String group = ref.path("apiGroup").asText("");
            String resource = ref.path("resource").asText() + (ref.has("subresource")
                    ? "/" + ref.path("subresource").asText() : "");
            used.add(grant(event.path("verb").asText(), group, resource));
            if (event.path("verb").asText().equals("patch") && code == 201) {
                used.add(grant("create", group, resource));
            }
        }
        return used;
    }

    /** The requests {@code user} was refused, as {@code verb requestURI}. */
    static Set<String> refused(List<String> auditLines, String user) {
        Set<String> refused = new TreeSet<>();
        for (JsonNode event : events(auditLines, user)) {
            if (event.path("responseStatus").path("code").asInt() == 403) {
                refused.add(event.path("verb").asText() + " " + event.path("requestURI").asText());
            }
        }
        return refused;
    }

    private static List<JsonNode> events(List<String> auditLines, String user) {
        return auditLines.stream().map(RbacGrants::parse)
                .filter(e -> e.path("user").path("username").asText().equals(user)).toList();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String grant(String verb, String group, String resource) {
        return verb + " " + (group.isEmpty() ? "" : group + "/") + resource;
    }
}
