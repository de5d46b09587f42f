package io.plumbline.cli;

import io.plumbline.load.EnvironmentLoader;
import io.plumbline.load.LoadResult;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Problem;
import io.plumbline.model.RepoFiles;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --env NAME}: one environment, loaded completely (every file must be valid) before anything else. */
final class EnvironmentOption {
    @Option(names = "--env", required = true, description = "The environment to plan or apply, by metadata.name")
    String name;

    LoadedEnvironment load(RepoFiles files) throws IOException {
        LoadResult result = new EnvironmentLoader().loadAll(files);
        if (!result.ok()) {
            throw new InvalidInputException(result.allProblems());
        }
        return result.environments().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException(List.of(Problem.inFile(EnvironmentLoader.ENVIRONMENTS,
                        "no environment named '" + name + "'; declared: " + String.join(", ",
                                result.environments().stream().map(LoadedEnvironment::name).sorted().toList())))));
    }
}
