package io.plumbline.provider.aws;

import io.plumbline.load.EnvironmentLoader;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Revision;
import io.plumbline.source.DirectoryFiles;
import io.plumbline.testing.MemoryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The example's whole hopper environment, loaded by the real loader from example-repo (its policy files and user
 * data read from there), as one commit with the given message. It names the example's own account, which the
 * {@link MotoServer} of its tests plays.
 */
final class HopperEnvironment {
    static final String ACCOUNT = "033870383707";
    static final String FILE = "environments/hopper.yaml";
    private static final Path REPO = Path.of("example-repo");

    private HopperEnvironment() {
    }

    static LoadedEnvironment load(String commitMessage) {
        return at(new EnvironmentLoader().load(new DirectoryFiles(REPO, Revision.WORKING_TREE), FILE),
                commitMessage);
    }

    /** The same file with everything under {@code spec.aws} removed but its region and account. */
    static LoadedEnvironment withoutAwsContent(String commitMessage) {
        try {
            String text = Files.readString(REPO.resolve(FILE));
            int aws = text.indexOf("\n  aws:\n");
            int account = text.indexOf("\n", text.indexOf("    accountId: ", aws) + 1);
            // aws is the file's last section: what follows the account id is all of its content
            if (aws < 0 || java.util.regex.Pattern.compile("(?m)^  \\S").matcher(text.substring(account)).find()) {
                throw new IllegalStateException(FILE + " no longer ends with its spec.aws section");
            }
            byte[] edited = text.substring(0, account + 1).getBytes(StandardCharsets.UTF_8);
            return at(new EnvironmentLoader().load(new MemoryFiles(Map.of(FILE, edited)), FILE), commitMessage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LoadedEnvironment at(LoadedEnvironment env, String commitMessage) {
        return new LoadedEnvironment(env.file(), env.environment(), env.manifests(),
                new Revision("0123456789abcdef", "main", commitMessage), env.files());
    }
}
