package io.plumbline.cli;

import io.plumbline.engine.plan.Ancestry;
import io.plumbline.engine.loop.Links;
import io.plumbline.engine.loop.Reconciled;
import io.plumbline.engine.loop.Reconciler;
import io.plumbline.engine.loop.StatusSink;
import io.plumbline.engine.plan.SyncWindows;
import io.plumbline.engine.schedule.Trigger;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Outcome;
import io.plumbline.source.SignatureCheck;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plumbline apply}: one reconcile through the service's own {@link Reconciler}, so the command line and the
 * service cannot diverge: it honours {@code spec.sync.mode}, applies in the safe order, waits for health and
 * confirms that a fresh plan is empty.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply an environment and print what was created, configured, unchanged, deleted or skipped. "
                + "Honours spec.sync.mode (plan-only applies nothing, suspended does nothing) and, as an operator's "
                + "reconcile in the service does, the deny windows of spec.sync.windows. Exit 0 applied, healthy and "
                + "converged; 1 failure (including not converged, or refused by an open deny window); 2 invalid "
                + "input.")
final class ApplyCommand implements Callable<Integer> {
    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Mixin
    Targets targets = new Targets();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--ignore-windows", description = "Apply even while a deny window of spec.sync.windows is open "
            + "(an emergency fix by someone who knows the window is there).")
    boolean ignoreWindows;

    @Option(names = "--output", defaultValue = "text", description = "text or json (one document on stdout, "
            + "whatever the result; the exit code is the same)")
    String output;

    @Override
    public Integer call() throws Exception {
        try (Targets session = targets) {
            LoadedEnvironment env = session.open();
            Optional<String> window = ignoreWindows || !env.environment().spec().sync().mode().equals("auto")
                    ? Optional.empty()
                    : SyncWindows.manualRefusal(env.environment().spec().sync().windows(), Instant.now());
            if (window.isPresent() && json()) {
                spec.commandLine().getOut().println(ApplyJson.nothing(env, "refused", window.get()));
                spec.commandLine().getOut().flush();
                return Main.FAILURE;
            }
            if (window.isPresent()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("Refused: " + window.get() + " for environment " + env.name() + "; nothing applied. "
                        + "Wait for it, lift the window in a commit, or pass --ignore-windows to apply anyway.");
                err.flush();
                return Main.FAILURE;
            }
            Optional<Reconciled> reconciled;
            try (TerminalProgress progress = TerminalProgress.forConsole(spec.commandLine().getErr())) {
                Reconciler reconciler = new Reconciler(session.pipeline().with(progress), new Metrics() {
                }, List.of(), StatusSink.NONE, new Links(""), Ancestry.NONE, SignatureCheck.NONE,
                        Clock.systemUTC());
                reconciled = reconciler.reconcile(env, Trigger.CLI, Optional.empty());
            }
            PrintWriter out = spec.commandLine().getOut();
            try {
                if (reconciled.isEmpty() && json()) {
                    out.println(ApplyJson.nothing(env, "suspended", ""));
                    return Main.OK;
                }
                if (reconciled.isEmpty()) {
                    out.println("Environment " + env.name() + " is suspended (spec.sync.mode): nothing applied");
                    return Main.OK;
                }
                return json() ? reportJson(env, reconciled.get().outcome(), out)
                        : report(env, reconciled.get().outcome(), out);
            } finally {
                out.flush();
            }
        }
    }

    private boolean json() {
        return output.equals("json");
    }

    private static int reportJson(LoadedEnvironment env, Outcome outcome, PrintWriter out) {
        if (outcome.result() == Outcome.Result.INVALID) {
            throw new InvalidInputException(outcome.problems());
        }
        out.println(ApplyJson.of(env, outcome, !env.environment().spec().sync().mode().equals("auto")));
        return outcome.result() == Outcome.Result.SUCCESS ? Main.OK : Main.FAILURE;
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
                : "Applied and converged; health: " + outcome.healthLabel().orElse("not observed"));
        return Main.OK;
    }
}
