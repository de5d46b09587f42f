package io.plumbline.engine.history;

import io.plumbline.model.Health;
import io.plumbline.model.Outcome;
import io.plumbline.model.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One reconcile as history keeps and serves it: plain values, so it survives a restart as JSON.
 *
 * @param health  healthy, progressing, unknown or degraded; null when the reconcile applied nothing
 * @param counts per provider, how many objects were created, configured, unchanged, deleted, skipped or failed
 */
public record HistoryEntry(String environment, String file, String commit, String ref, String trigger,
                           String started, String finished, String result, String summary,
                           Map<String, Map<String, Long>> counts, String health, String healthReason,
                           List<String> problems, String error) {

    public static HistoryEntry of(Outcome o) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        o.countsByProvider().forEach((provider, byResult) -> {
            Map<String, Long> named = new LinkedHashMap<>();
            byResult.forEach((result, n) -> named.put(result.name().toLowerCase(), n));
            counts.put(provider, named);
        });
        return new HistoryEntry(o.environment(), o.file(), o.revision().commit(), o.revision().ref(), o.trigger(),
                o.started().toString(), o.finished().toString(), o.result().label(), o.summary(), counts,
                o.healthLabel().orElse(null), o.health() == null ? "" : o.health().reason(),
                o.problems().stream().map(Problem::toString).toList(), o.error());
    }

    /**
     * As read from a history file written before health was kept truthfully, when every reconcile that stopped early
     * said {@code healthy}: an invalid or refused commit applied nothing, and a failure that applied nothing did not
     * look. Entries written since are as they were.
     */
    HistoryEntry asRecorded() {
        if (!"healthy".equals(health) || !counts.isEmpty() || result.equals(Outcome.Result.SUCCESS.label())) {
            return this;
        }
        boolean applied = result.equals(Outcome.Result.FAILURE.label());
        return new HistoryEntry(environment, file, commit, ref, trigger, started, finished, result, summary, counts,
                applied ? "unknown" : null, applied ? Health.NOT_OBSERVED.reason() : "", problems, error);
    }
}
