package io.plumbline.cli;

import io.plumbline.engine.Ancestry;
import io.plumbline.engine.Links;
import io.plumbline.engine.Reconciled;
import io.plumbline.engine.Reconciler;
import io.plumbline.engine.StatusSink;
import io.plumbline.engine.Trigger;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Outcome;
import io.plumbline.source.SignatureCheck;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code plumbline apply}: one reconcile through the service's own {@link Reconciler}, so the command line and the
 * service cannot diverge: it honours {@code spec.sync.mode}, applies in the safe order, waits for health and
 * confirms that a fresh plan is empty.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply an environment and print what was created, configured, unchanged, deleted or skipped. "
                + "Honours spec.sync.mode (plan-only applies nothing, suspended does nothing). Exit 0 applied, "
                + "healthy and converged; 1 failure (including not converged); 2 invalid input.")
final class ApplyCommand implements Callable<Integer> {
    @Mixin
    Targets targets = new Targets();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Targets session = targets) {
            LoadedEnvironment env = session.open();
            Reconciler reconciler = new Reconciler(session.pipeline(), new Metrics() {
            }, List.of(), StatusSink.NONE, new Links(""), Ancestry.NONE, SignatureCheck.NONE,
                    Clock.systemUTC());
            Optional<Reconciled> reconciled = reconciler.reconcile(env, Trigger.CLI, Optional.empty());
            PrintWriter out = spec.commandLine().getOut();
            try {
                if (reconciled.isEmpty()) {
                    out.println("Environment " + env.name() + " is suspended (spec.sync.mode): nothing applied");
                    return Main.OK;
                }
                return report(env, reconciled.get().outcome(), out);
            } finally {
                out.flush();
            }
        }
    }

    private static int report(LoadedEnvironment env, Outcome outcome, PrintWriter out) {
        if (outcome.result() == Outcome.Result.INVALID) {
            throw new InvalidInputException(outcome.problems());
        }
        for (Map.Entry<String, List<ObjectResult>> e : outcome.results().entrySet()) {
            for (ObjectResult r : e.getValue()) {
                out.printf("%-10s %s%s%n", r.result().name().toLowerCase(), r.key(),
                        r.message().isEmpty() ? "" : ": " + r.message());
            }
        }
        if (outcome.result() != Outcome.Result.SUCCESS) {
            out.println("Failed: " + outcome.error());
            return Main.FAILURE;
        }
        boolean planOnly = !env.environment().spec().sync().mode().equals("auto");
        out.println(planOnly ? "Planned only (spec.sync.mode: plan-only): nothing applied"
                : "Applied and converged; health: " + outcome.health().status().name().toLowerCase());
        return Main.OK;
    }
}
