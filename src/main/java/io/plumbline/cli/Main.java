package io.plumbline.cli;

import io.plumbline.model.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code plumbline validate | plan | apply | promote | serve}. Exit 0 ok, 1 failure, 2 invalid input, 3 changes planned. */
@Command(name = "plumbline", mixinStandardHelpOptions = true, version = "plumbline 0.1.0",
        description = "Keeps AWS, Kubernetes and HAProxy true to the environment files in a Git repository.",
        subcommands = {ValidateCommand.class, PlanCommand.class, ApplyCommand.class, PromoteCommand.class,
                ServeCommand.class})
public final class Main {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int INVALID = 2;
    public static final int CHANGES = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main()).setOut(out).setErr(err);
        // A usage mistake is invalid input (2); an unexpected exception is a failure (1), shown without a trace.
        cli.setExitCodeExceptionMapper(e -> FAILURE);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof InvalidInputException invalid) {
                invalid.problems().forEach(cmd.getErr()::println);
                return INVALID;
            }
            cmd.getErr().println("plumbline: " + e.getMessage());
            return FAILURE;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("plumbline: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return INVALID;
        });
        return cli.execute(args);
    }
}
