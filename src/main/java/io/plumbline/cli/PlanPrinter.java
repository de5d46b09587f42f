package io.plumbline.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.diff.DeletionGuard;
import io.plumbline.engine.plan.ProviderPlan;
import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.FieldChange;
import io.plumbline.model.LoadedEnvironment;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A plan as people read it: {@code +} create, {@code ~} update with each field, {@code -} delete, {@code ?} orphan,
 * {@code @} declared but not adopted. Deletions the deletion guard would refuse are marked, with the trailer that
 * allows them; objects that cost money while idle are marked, and named again under the totals.
 */
final class PlanPrinter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanPrinter() {
    }

    static void print(LoadedEnvironment env, List<ProviderPlan> plans, PrintWriter out) {
        out.printf("Plan for environment %s at %s%n", env.name(), env.revision().shortCommit());
        Map<Action, Integer> totals = new EnumMap<>(Action.class);
        for (ProviderPlan plan : plans) {
            out.println();
            out.println(plan.name() + ":");
            DeletionGuard.Verdict guard = plan.guard();
            for (Change c : plan.changes().changes()) {
                totals.merge(c.action(), 1, Integer::sum);
                if (c.action() == Action.NOOP) {
                    continue;
                }
                out.printf("  %s %s %s%s%s%s%n", c.action().symbol(), c.key().kind(), display(c),
                        c.note() == null ? "" : "  (" + c.note() + ")",
                        guard.refused() && c.action() == Action.DELETE ? "  [refused by the deletion guard]" : "",
                        c.keepsIdleCost() ? "  [costs money while idle]" : "");
                for (FieldChange f : c.fields()) {
                    out.printf("      %s: %s -> %s%n", f.path(), value(f.found()), value(f.wanted()));
                }
            }
            if (guard.refused()) {
                out.printf("  ! apply refuses these %d deletions of %d owned objects; the commit message trailer "
                        + "'%s' allows them%n", guard.deletes(), guard.managed(), guard.trailer());
            }
        }
        out.println();
        out.printf("Plan: %d to create, %d to update, %d to delete, %d unchanged, %d not declared and kept, "
                        + "%d exist without Plumbline's marks.%n",
                totals.getOrDefault(Action.CREATE, 0), totals.getOrDefault(Action.UPDATE, 0),
                totals.getOrDefault(Action.DELETE, 0), totals.getOrDefault(Action.NOOP, 0),
                totals.getOrDefault(Action.ORPHAN, 0), totals.getOrDefault(Action.ADOPT, 0));
        List<String> idle = plans.stream().flatMap(p -> p.changes().changes().stream()).filter(Change::keepsIdleCost)
                .map(c -> c.key().kind() + " " + display(c)).toList();
        if (!idle.isEmpty()) {
            out.printf("Costs money while idle, used or not: %s.%n", String.join(", ", idle));
        }
    }

    private static String display(Change c) {
        return c.key().namespace().isEmpty() ? c.key().name() : c.key().namespace() + "/" + c.key().name();
    }

    static String value(Object v) {
        if (v == null) {
            return "(none)";
        }
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            return String.valueOf(v);
        }
    }
}
