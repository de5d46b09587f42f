package io.plumbline.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Outcome;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an apply did, as JSON: {@code {"environment", "commit", "result", "health", "error", "objects": [{provider,
 * kind, namespace, name, result, message}]}}. {@code result} is {@code applied}, {@code planned-only},
 * {@code suspended}, {@code refused} (an open deny window; {@code error} says which) or {@code failed}; the exit
 * code is the same as without {@code --output json}.
 */
final class ApplyJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ApplyJson() {
    }

    static String of(LoadedEnvironment env, Outcome outcome, boolean planOnly) {
        List<Map<String, Object>> objects = new ArrayList<>();
        outcome.results().values().forEach(results -> results.forEach(r -> objects.add(object(r))));
        String result = outcome.result() != Outcome.Result.SUCCESS ? "failed" : planOnly ? "planned-only" : "applied";
        // no health when nothing was applied, as in history and on the page
        return write(env, result, outcome.healthLabel().orElse(""),
                outcome.result() == Outcome.Result.SUCCESS ? "" : outcome.error(), objects);
    }

    /** Nothing applied: {@code result} says why ({@code suspended} or {@code refused}, with {@code error}). */
    static String nothing(LoadedEnvironment env, String result, String error) {
        return write(env, result, "", error, List.of());
    }

    private static String write(LoadedEnvironment env, String result, String health, String error,
                                List<Map<String, Object>> objects) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("environment", env.name());
        body.put("commit", env.revision().commit());
        body.put("result", result);
        body.put("health", health);
        body.put("error", error);
        body.put("objects", objects);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> object(ObjectResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", r.key().provider());
        m.put("kind", r.key().kind());
        m.put("namespace", r.key().namespace());
        m.put("name", r.key().name());
        m.put("result", r.result().name().toLowerCase());
        m.put("message", r.message());
        return m;
    }
}
