package io.plumbline.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plumbline.testing.SshGitServer;
import io.plumbline.testing.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching over SSH with a configured key, from a real SSH server on 127.0.0.1. */
class SshGitSourceIT {
    @TempDir
    Path tmp;

    @Test
    void fetchesWithTheConfiguredKeyAndChecksTheHostKey() throws Exception {
        try (TestRepo repo = TestRepo.withExampleRepo(tmp);
             SshGitServer ssh = new SshGitServer(repo.dir(), Files.createDirectories(tmp.resolve("ssh")))) {
            GitSettings settings = new GitSettings(ssh.url("/config"), "main", tmp.resolve("cache"), null, null,
                    ssh.clientKey(), ssh.knownHosts(), List.of(), Duration.ofSeconds(20));
            try (GitSource source = new GitSource(settings)) {
                String head = source.fetch().branchHead();

                assertThat(head).isEqualTo(repo.head());
                assertThat(new String(source.at(head, "main").read("environments/production.yaml"),
                        StandardCharsets.UTF_8)).contains("name: production");
            }
        }
    }

    @Test
    void anUnknownHostKeyIsRefused() throws Exception {
        try (TestRepo repo = TestRepo.withExampleRepo(tmp);
             SshGitServer ssh = new SshGitServer(repo.dir(), Files.createDirectories(tmp.resolve("ssh")))) {
            Path empty = Files.writeString(tmp.resolve("empty_known_hosts"), "");
            GitSettings settings = new GitSettings(ssh.url("/config"), "main", tmp.resolve("cache"), null, null,
                    ssh.clientKey(), empty, List.of(), Duration.ofSeconds(20));
            try (GitSource source = new GitSource(settings)) {
                GitFetchException e = catchThrowableOfType(GitFetchException.class, source::fetch);

                assertThat(e).hasMessageStartingWith("fetching " + settings.safeUrl() + " failed")
                        .hasMessageContaining("Server key did not validate");
                assertThat(source.head()).isEmpty();
            }
        }
    }
}
