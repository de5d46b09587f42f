package io.plumbline.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.plumbline.diff.DeletionGuard;
import io.plumbline.engine.plan.ProviderPlan;
import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.LoadedEnvironment;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan as JSON: {@code {"environment", "commit", "changes": [{provider, kind, namespace, name, action, fields}],
 * "refused": [{provider, deletes, owned, trailer, reason}]}}; a deletion the guard refuses carries
 * {@code "refused": true}, an object that costs money while idle {@code "costsWhileIdle": true}.
 */
final class PlanJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    static String of(LoadedEnvironment env, List<ProviderPlan> plans) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("environment", env.name());
        body.put("commit", env.revision().commit());
        List<Map<String, Object>> changes = new ArrayList<>();
        List<Map<String, Object>> refused = new ArrayList<>();
        for (ProviderPlan p : plans) {
            DeletionGuard.Verdict guard = p.guard();
            p.changes().changes().forEach(c -> changes.add(change(c, guard.refused() && c.action() == Action.DELETE)));
            if (guard.refused()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("provider", p.name());
                r.put("deletes", guard.deletes());
                r.put("owned", guard.managed());
                r.put("trailer", guard.trailer());
                r.put("reason", guard.reason());
                refused.add(r);
            }
        }
        body.put("changes", changes);
        body.put("refused", refused);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> change(Change c, boolean refused) {
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
        if (refused) {
            m.put("refused", true);
        }
        if (c.keepsIdleCost()) {
            m.put("costsWhileIdle", true);
        }
        return m;
    }
}
