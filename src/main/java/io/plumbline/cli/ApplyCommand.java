package io.plumbline.cli;

import io.plumbline.engine.Pipeline;
import io.plumbline.engine.ProviderPlan;
import io.plumbline.model.ObjectResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code plumbline apply}: plan, then apply in the safe order and wait for health. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply an environment and print what was created, configured, unchanged, deleted or skipped. "
                + "Exit 0 applied and healthy, 1 failure, 2 invalid input.")
final class ApplyCommand implements Callable<Integer> {
    @Mixin
    Targets targets = new Targets();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Targets session = targets) {
            List<ProviderPlan> plans = session.plan();
            Pipeline.Applied applied = session.pipeline().apply(session.environment(), plans);
            PrintWriter out = spec.commandLine().getOut();
            for (Map.Entry<String, List<ObjectResult>> e : applied.results().entrySet()) {
                for (ObjectResult r : e.getValue()) {
                    out.printf("%-10s %s%s%n", r.result().name().toLowerCase(), r.key(),
                            r.message().isEmpty() ? "" : ": " + r.message());
                }
            }
            out.println(applied.ok() ? "Applied; health: " + applied.health().status().name().toLowerCase()
                    : "Failed: " + applied.error());
            out.flush();
            return applied.ok() ? Main.OK : Main.FAILURE;
        }
    }
}
