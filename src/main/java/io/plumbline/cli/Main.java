package io.plumbline.cli;

import io.plumbline.app.BuildVersion;
import io.plumbline.app.LogSetup;
import io.plumbline.model.InvalidInputException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code plumbline validate | plan | apply | promote | import | serve}. Exit 0 ok, 1 failure, 2 invalid input, 3 changes planned. */
@Command(name = "plumbline", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Keeps AWS, Kubernetes and HAProxy true to the environment files in a Git repository.")
public final class Main {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int INVALID = 2;
    public static final int CHANGES = 3;

    /**
     * The subcommands, in the order the usage lists them. Picocli reads every registered command's annotations,
     * fields and mixins by reflection when it starts, so only the command asked for is registered (all of them
     * for usage, version and mistakes): {@code validate} then never touches what {@code plan} or {@code serve}
     * are made of.
     */
    private static final List<String> COMMANDS = List.of("validate", "plan", "apply", "promote", "import", "serve");

    private static Object command(String name) {
        return switch (name) {
            case "validate" -> new ValidateCommand();
            case "plan" -> new PlanCommand();
            case "apply" -> new ApplyCommand();
            case "promote" -> new PromoteCommand();
            case "import" -> new ImportCommand();
            case "serve" -> new ServeCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The command line with only the subcommand {@code asked}, or with all of them when it is null. */
    static CommandLine commandLine(String asked) {
        CommandLine cli = new CommandLine(new Main());
        for (String name : COMMANDS) {
            if (asked == null || asked.equals(name)) {
                cli.addSubcommand(name, command(name));
            }
        }
        return cli;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = commandLine(args.length > 0 && COMMANDS.contains(args[0]) ? args[0] : null);
        cli.setOut(out).setErr(err);
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
        cli.setExecutionStrategy(parsed -> {
            // Before the command runs: a command's standard output is its answer; the service logs as a service.
            CommandLine.ParseResult command = parsed.subcommand();
            if (command != null && command.commandSpec().findOption(VerboseOption.NAME) != null) {
                LogSetup.commandLine(command.matchedOptionValue(VerboseOption.NAME, false));
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return cli.execute(args);
    }

    /** {@code --version}: the version the build wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"plumbline " + BuildVersion.current()};
        }
    }
}
