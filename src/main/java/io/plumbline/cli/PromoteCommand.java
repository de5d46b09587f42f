package io.plumbline.cli;

import io.plumbline.engine.history.History;
import io.plumbline.engine.review.Promotion;
import io.plumbline.load.EnvironmentLoader;
import io.plumbline.model.RefusedException;
import io.plumbline.source.BranchNames;
import io.plumbline.source.LocalCommit;
import io.plumbline.source.Repositories;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plumbline promote --from staging --to production}: commit, in a local checkout, the image tags the
 * source environment runs healthy now into the target's file. Health is read from the service's history in
 * {@code --state-dir}.
 */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = "Set the target environment's image tags to what the source runs healthy now, as a commit "
                + "(or a new branch with --branch). Only image tags change. Exit 0 committed or nothing to promote, "
                + "1 refused (the source is not healthy on its tags), 2 invalid input.")
final class PromoteCommand implements Callable<Integer> {
    @Mixin
    VerboseOption verbose = new VerboseOption();

    @Option(names = "--from", required = true, description = "The environment whose running tags are promoted")
    String from;

    @Option(names = "--to", required = true, description = "The environment whose file is changed")
    String to;

    @Option(names = "--app", description = "Only this application (and its sidecars)")
    String app;

    @Option(names = "--branch", description = "Commit on this new branch instead of the current one")
    String branch;

    @Option(names = "--repo", defaultValue = ".", description = "A local checkout of the configuration repository")
    Path repo;

    @Option(names = "--state-dir", defaultValue = ".plumbline/state",
            description = "The service's state folder (plumbline.state-dir), whose history says what ran healthy")
    Path stateDir;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Optional<String> badBranch = Optional.ofNullable(branch).flatMap(BranchNames::problem);
        if (badBranch.isPresent()) {
            spec.commandLine().getErr().println("plumbline: --branch: " + badBranch.get());
            return Main.INVALID;
        }
        Promotion promotion = new Promotion(new EnvironmentLoader(), new History(stateDir.resolve("history"), 100));
        Promotion.Result result;
        try {
            result = promotion.plan(Repositories.atRef(repo, "HEAD"), commit -> Repositories.atRef(repo, commit),
                    from, to, Optional.ofNullable(app));
        } catch (RefusedException e) {
            spec.commandLine().getErr().println("plumbline: refused: " + e.getMessage());
            return Main.FAILURE;
        }
        if (result.changes().isEmpty()) {
            out.println(to + " already runs the tags " + from + " runs; nothing to promote");
            return Main.OK;
        }
        String sha = LocalCommit.commit(repo, result.file(), result.text(), result.message(),
                Optional.ofNullable(branch));
        result.changes().forEach(c -> out.printf("%s: %s -> %s%n", c.container(), c.from(), c.to()));
        out.println("Committed " + sha.substring(0, 12) + (branch == null ? "" : " on new branch " + branch)
                + ": " + result.file());
        return Main.OK;
    }
}
