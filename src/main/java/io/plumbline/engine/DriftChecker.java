package io.plumbline.engine;

import io.plumbline.metrics.Metrics;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Between commits: observes and diffs the last reconciled commit of an environment without applying,
 * reports what differs (status {@code plumbline/<env>/drift}, metric, report), and with self-heal on,
 * reconciles to correct it.
 */
public final class DriftChecker {
    private static final Logger LOG = LoggerFactory.getLogger(DriftChecker.class);

    private final Reconciler reconciler;
    private final StatusSink statuses;
    private final Metrics metrics;
    private final Links links;
    private final Clock clock;
    private final Map<String, DriftReport> reports = new ConcurrentHashMap<>();
    /** environment → (resource + field) → first seen, so a report says how long a difference has lasted. */
    private final Map<String, Map<String, String>> firstSeen = new ConcurrentHashMap<>();

    public DriftChecker(Reconciler reconciler, StatusSink statuses, Metrics metrics, Links links, Clock clock) {
        this.reconciler = reconciler;
        this.statuses = statuses;
        this.metrics = metrics;
        this.links = links;
        this.clock = clock;
    }

    /** Checks one environment as last reconciled; does nothing for one never reconciled. */
    public Optional<DriftReport> check(String environment) {
        Optional<LoadedEnvironment> last = reconciler.lastReconciled(environment);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        LoadedEnvironment env = last.get();
        List<ProviderPlan> plans;
        try {
            plans = reconciler.plan(env);
        } catch (RuntimeException e) {
            LOG.warn("drift check of {} failed: {}", environment, e.getMessage());
            return Optional.empty();
        }
        DriftReport report = report(env, plans);
        reports.put(environment, report);
        plans.forEach(p -> metrics.drift(environment, p.name(), (int) report.entries().stream()
                .filter(e -> e.provider().equals(p.name())).map(DriftEntry::resource).distinct().count()));
        statuses.post(env.revision().commit(), StatusSink.context(environment, "/drift"),
                report.entries().isEmpty() ? "success" : "failure", describe(report), links.drift(environment));
        if (!report.entries().isEmpty() && env.environment().spec().sync().selfHealEnabled()) {
            LOG.info("self-heal: correcting drift of {} ({} resources)", environment, report.resources());
            reconciler.reconcile(env, "drift");
        }
        return Optional.of(report);
    }

    public Optional<DriftReport> report(String environment) {
        return Optional.ofNullable(reports.get(environment));
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
        seen.keySet().retainAll(entries.stream().map(e -> e.resource() + "#" + e.field()).toList());
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
        boolean declaredDrift = c.action() == Action.DELETE
                || (c.action() == Action.ORPHAN && c.note() != null && c.note().startsWith("drift"));
        return declaredDrift ? List.<String[]>of(new String[] {"(not declared)", "absent", "exists"}) : List.of();
    }

    private static String[] field(FieldChange f) {
        return new String[] {f.path(), String.valueOf(f.wanted()), String.valueOf(f.found())};
    }

    private static String describe(DriftReport report) {
        if (report.entries().isEmpty()) {
            return "no drift";
        }
        DriftEntry first = report.entries().get(0);
        return report.resources() + " resources drifted; " + first.resource() + " " + first.field() + ": wanted "
                + first.wanted() + ", found " + first.found();
    }
}
