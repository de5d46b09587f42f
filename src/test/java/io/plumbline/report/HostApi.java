package io.plumbline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/** One Git host's documented status endpoint, as the test server plays it: checks a request and answers. */
public interface HostApi {
    /**
     * A request as received: header names lower-cased, path and query undecoded (query null when absent), the body
     * parsed (null if not JSON).
     */
    record Request(String method, String rawPath, String rawQuery, Map<String, String> headers, JsonNode body) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), "");
        }
    }

    /** A status the host accepted, in its own words (state as the host spells it). */
    record Accepted(String commit, String context, String state, String description, String url, String key) {
    }

    /** What the host answers: status code, headers and JSON body, and the status it stored when it accepted one. */
    record Answer(int status, Map<String, String> headers, String body, Accepted accepted) {
        Answer(int status, String body, Accepted accepted) {
            this(status, Map.of(), body, accepted);
        }

        static Answer error(int status, String body) {
            return new Answer(status, body, null);
        }
    }

    Answer handle(Request request);

    /** Fields of the body outside {@code allowed}, or a missing body; null when the body is acceptable. */
    static String unexpectedFields(JsonNode body, Set<String> allowed) {
        if (body == null || !body.isObject()) {
            return "body must be a JSON object";
        }
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                return "unexpected field " + f;
            }
            if (!body.get(f).isTextual()) {
                return f + " must be a string";
            }
        }
        return null;
    }

    static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null ? null : n.asText();
    }
}
