package io.plumbline.engine.drift;

import io.plumbline.engine.plan.Pipeline;
import io.plumbline.engine.plan.ProviderPlan;
import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.FieldChange;
import io.plumbline.model.LoadedEnvironment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Between commits: observes and diffs the applied commit of an environment without writing, and keeps what
 * differs (with when each difference was first seen) for {@code /api/environments/{env}/drift}.
 */
public final class DriftChecker {
    private static final Logger LOG = LoggerFactory.getLogger(DriftChecker.class);

    private final Pipeline pipeline;
    private final Clock clock;
    private final Map<String, DriftReport> reports = new ConcurrentHashMap<>();
    /** environment → (resource + field) → first seen, so a report says how long a difference has lasted. */
    private final Map<String, Map<String, String>> firstSeen = new ConcurrentHashMap<>();

    public DriftChecker(Pipeline pipeline, Clock clock) {
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /** A drift report, and the providers that were checked (so each gets its drift count, zero included). */
    public record Checked(DriftReport report, List<String> providers) {
    }

    /** Checks one environment as applied; empty (and logged) when it cannot be observed now. */
    public Optional<Checked> check(LoadedEnvironment env) {
        List<ProviderPlan> plans;
        try {
            plans = pipeline.plan(env);
        } catch (RuntimeException e) {
            LOG.warn("drift check of {} failed: {}", env.name(), e.toString());
            return Optional.empty();
        }
        DriftReport report = report(env, plans);
        reports.put(env.name(), report);
        return Optional.of(new Checked(report, plans.stream().map(ProviderPlan::name).toList()));
    }

    public Optional<DriftReport> report(String environment) {
        return Optional.ofNullable(reports.get(environment));
    }

    public void forget(String environment) {
        reports.remove(environment);
        firstSeen.remove(environment);
    }

    private DriftReport report(LoadedEnvironment env, List<ProviderPlan> plans) {
        String now = clock.instant().toString();
        Map<String, String> seen = firstSeen.computeIfAbsent(env.name(), n -> new ConcurrentHashMap<>());
        List<DriftEntry> entries = new ArrayList<>();
        for (ProviderPlan plan : plans) {
            for (Change c : plan.changes().changes()) {
                for (String[] d : differences(c)) {
                    String id = c.key() + "#" + d[0];
                    entries.add(new DriftEntry(plan.name(), c.key().toString(), d[0], d[1], d[2],
                            seen.computeIfAbsent(id, k -> now)));
                }
            }
        }
        // A set, not a list: retainAll asks it once per remembered difference.
        seen.keySet().retainAll(entries.stream().map(e -> e.resource() + "#" + e.field()).collect(Collectors.toSet()));
        return new DriftReport(env.name(), env.revision().commit(), now, entries);
    }

    /** (field, wanted, found) for each difference a change stands for. */
    private static List<String[]> differences(Change c) {
        if (c.action() == Action.UPDATE) {
            return c.fields().stream().map(DriftChecker::field).toList();
        }
        if (c.action() == Action.CREATE) {
            return List.<String[]>of(new String[] {"(missing)", "exists", "missing"});
        }
        boolean declaredDrift = c.action() == Action.DELETE || (c.action() == Action.ORPHAN && c.facts().drift());
        return declaredDrift ? List.<String[]>of(new String[] {"(not declared)", "absent", "exists"}) : List.of();
    }

    private static String[] field(FieldChange f) {
        return new String[] {f.path(), String.valueOf(f.wanted()), String.valueOf(f.found())};
    }
}
