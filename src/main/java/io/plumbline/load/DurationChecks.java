package io.plumbline.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.model.spec.Durations;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Every duration of an environment is at most {@link #MAX} (2^31 - 1 ms, about 24.8 days): HAProxy's timers and
 * Kubernetes' int32 seconds overflow beyond it, and no interval of a reconciler needs more.
 */
final class DurationChecks {
    static final Duration MAX = Duration.ofMillis(Integer.MAX_VALUE);
    /** The properties the schema types as {@code $defs/duration}; DurationChecksTest keeps this list true. */
    static final Set<String> PROPERTIES = Set.of("interval", "driftInterval", "healthTimeout", "hardStopAfter",
            "connectTimeout", "clientTimeout", "serverTimeout", "initialDelay", "period", "timeout", "duration", "hold");

    private DurationChecks() {
    }

    static void check(YamlDocument doc, Checks checks) {
        walk(doc.tree(), "", checks);
    }

    private static void walk(JsonNode node, String pointer, Checks checks) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, checks);
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
            JsonNode value = field.getValue();
            if (PROPERTIES.contains(field.getKey()) && value.isTextual()
                    && Durations.GRAMMAR.matcher(value.asText()).matches()
                    && Durations.parse(value.asText()).compareTo(MAX) > 0) {
                checks.at(at, "the duration " + value.asText() + " is longer than the longest allowed, "
                        + MAX.toMillis() + "ms (about 24 days)");
            }
            walk(value, at, checks);
        }
    }
}
