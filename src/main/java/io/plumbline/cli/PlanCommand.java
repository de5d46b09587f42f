package io.plumbline.cli;

import io.plumbline.engine.plan.ProviderPlan;
import io.plumbline.model.LoadedEnvironment;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plumbline plan}: what apply would change, without changing anything. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what apply would change, marking the deletions apply would refuse. Exit 0 ok (3 with "
                + "--detailed-exitcode when there are changes, refused deletions and declared objects found without "
                + "Plumbline's marks included), 2 invalid input, 1 failure.")
final class PlanCommand implements Callable<Integer> {
    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Mixin
    Targets targets = new Targets();

    @Option(names = "--output", defaultValue = "text", description = "text or json")
    String output;

    @Option(names = "--detailed-exitcode", description = "Exit 3 when the plan has changes or finds a declared object "
            + "without Plumbline's marks")
    boolean detailedExitCode;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Targets session = targets) {
            List<ProviderPlan> plans = session.plan();
            LoadedEnvironment environment = session.environment();
            PrintWriter out = spec.commandLine().getOut();
            if (output.equals("json")) {
                out.println(PlanJson.of(environment, plans));
            } else {
                PlanPrinter.print(environment, plans, out);
            }
            out.flush();
            boolean changes = plans.stream().anyMatch(p -> p.changes().hasDifferences());
            return detailedExitCode && changes ? Main.CHANGES : Main.OK;
        }
    }
}
