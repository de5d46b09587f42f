package io.plumbline.provider.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.plumbline.provider.ProviderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration check that hangs is stopped at its timeout instead of blocking the reconcile, and the real
 * {@code haproxy -c} sees none of the service's environment.
 */
class ConfigCheckTest {
    @TempDir
    Path tmp;

    @Test
    void aHungCheckIsStoppedAtTheTimeout() throws Exception {
        // A check that never ends and keeps its output open, as a hung haproxy -c would.
        Path hung = Files.writeString(tmp.resolve("haproxy"), "#!/bin/sh\necho checking\nexec sleep 600\n");
        Files.setPosixFilePermissions(hung, PosixFilePermissions.fromString("rwx------"));
        ConfigCheck check = new ConfigCheck(hung, Duration.ofMillis(500));

        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(
                () -> catchThrowable(() -> check.check(tmp.resolve("haproxy.cfg"))));

        await().atMost(Duration.ofSeconds(60)).until(outcome::isDone);
        assertThat(outcome.get()).isInstanceOf(ProviderException.class).hasMessageContaining("did not finish");
    }

    @Test
    void theCheckSeesNoneOfTheServicesEnvironment() throws Exception {
        // Every variable of this process but the few a child inherits: the service's secrets would be among them.
        List<String> others = System.getenv().keySet().stream()
                .filter(name -> name.matches("[A-Za-z_][A-Za-z0-9_]*") && !ChildProcesses.INHERITED.contains(name))
                .sorted().toList();
        assertThat(others).as("the test runs with variables a child must not see").isNotEmpty();
        StringBuilder config = new StringBuilder("global\n");
        // HAProxy's own conditions: an alert fails the check when a variable reaches it.
        others.forEach(name -> config.append(".if defined(").append(name).append(")\n    .alert \"")
                .append(name).append(" reached the check\"\n.endif\n"));
        config.append(".if !defined(PATH)\n    .alert \"PATH did not reach the check\"\n.endif\n")
                .append("defaults\n    mode http\n    timeout client 1s\n    timeout server 1s\n")
                .append("    timeout connect 1s\nlisten web\n    bind 127.0.0.1:8080\n");
        Path file = Files.writeString(tmp.resolve("haproxy.cfg"), config);

        Throwable refused = catchThrowable(() -> new ConfigCheck(HaproxyOptions.DEFAULT_BINARY).check(file));

        assertThat(refused).as("haproxy -c accepts the file: no variable of the service reached it").isNull();
    }
}
