package io.plumbline.cli;

import io.plumbline.load.EnvironmentLoader;
import io.plumbline.load.LoadResult;
import io.plumbline.model.RepoFiles;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plumbline validate}: load and check environment files without touching anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check environment files against the schema and each other. Exit 0 valid, 2 invalid, 1 failure.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Mixin
    RepoOptions repo = new RepoOptions();

    @Option(names = "--output", defaultValue = "text", description = "text or json")
    Output output;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Environment files (default: environments/*.yaml)")
    List<String> files = List.of();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RepoFiles files = repo.open();
        EnvironmentLoader loader = new EnvironmentLoader();
        LoadResult result = this.files.isEmpty() ? loader.loadAll(files) : loader.load(files, this.files);
        PrintWriter out = spec.commandLine().getOut();
        output.printer().print(result, out);
        out.flush();
        return result.ok() ? Main.OK : Main.INVALID;
    }

    /** The report is made only when printed: picocli builds this enum on every start, of every command. */
    enum Output {
        text, json;

        ValidationReport printer() {
            return this == json ? new JsonReport() : new TextReport();
        }
    }
}
