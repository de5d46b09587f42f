package io.plumbline.cli;

import io.plumbline.model.RepoFiles;
import io.plumbline.source.GitSettings;
import io.plumbline.source.GitSource;
import io.plumbline.source.Repositories;
import io.plumbline.source.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the environment files come from: a folder as it is, a local repository at a ref, or a remote URL. */
final class RepoOptions {
    @Option(names = "--repo", defaultValue = ".", description = "A folder, a local Git repository or a Git URL (default: .)")
    String repo;

    @Option(names = "--ref", description = "A branch, tag or commit to read instead of the folder as it is")
    String ref;

    RepoFiles open() throws IOException {
        if (isUrl(repo)) {
            Path cache = Files.createTempDirectory("plumbline-cli");
            TemporaryClones.deleteOnExit(cache);
            String token = System.getenv().getOrDefault("PLUMBLINE_GIT_TOKEN", "");
            GitSource source = new GitSource(new GitSettings(repo, ref == null ? "main" : ref, cache, null,
                    new Secret(token), null, null, List.of(), Duration.ofSeconds(60)));
            try {
                return source.at(source.fetch().branchHead(), source.branch());
            } catch (io.plumbline.source.GitFetchException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        Path folder = Path.of(repo);
        if (!Files.isDirectory(folder)) {
            throw new IOException("no such folder: " + repo);
        }
        return ref == null ? Repositories.workingTree(folder) : Repositories.atRef(folder, ref);
    }

    private static boolean isUrl(String s) {
        return s.matches("^[a-z+]+://.*") || s.matches("^[^/]+@[^:]+:.*");
    }
}
