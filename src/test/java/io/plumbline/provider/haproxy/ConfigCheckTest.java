package io.plumbline.provider.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.plumbline.provider.ProviderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration check that hangs is stopped at its timeout instead of blocking the reconcile. */
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
}
