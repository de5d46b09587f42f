package io.plumbline.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.plumbline.engine.ProviderPlan;
import io.plumbline.model.Change;
import io.plumbline.model.LoadedEnvironment;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plan as JSON: {@code {"environment", "commit", "changes": [{provider, kind, namespace, name, action, fields}]}}. */
final class PlanJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    static String of(LoadedEnvironment env, List<ProviderPlan> plans) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("environment", env.name());
        body.put("commit", env.revision().commit());
        body.put("changes", plans.stream().flatMap(p -> p.changes().changes().stream()).map(PlanJson::change).toList());
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> change(Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", c.key().provider());
        m.put("kind", c.key().kind());
        m.put("namespace", c.key().namespace());
        m.put("name", c.key().name());
        m.put("action", c.action().name().toLowerCase());
        m.put("fields", c.fields().stream().map(f -> {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("path", f.path());
            fm.put("wanted", f.wanted());
            fm.put("found", f.found());
            return fm;
        }).toList());
        if (c.note() != null) {
            m.put("note", c.note());
        }
        return m;
    }
}
