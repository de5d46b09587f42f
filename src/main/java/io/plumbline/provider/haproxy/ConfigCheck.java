package io.plumbline.provider.haproxy;

import io.plumbline.provider.ProviderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** {@code haproxy -c -f <file>}: HAProxy's own verdict on a configuration, before anything is reloaded. */
final class ConfigCheck {
    private static final long TIMEOUT_SECONDS = 30;
    private final Path binary;

    ConfigCheck(Path binary) {
        this.binary = binary;
    }

    /** @throws ProviderException (not retryable) with HAProxy's alerts, file and line, when it rejects the file */
    void check(Path config) {
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), "-c", "-f", config.toString())
                .redirectErrorStream(true);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw ProviderException.retryable(binary + " -c did not finish in " + TIMEOUT_SECONDS + "s", null);
            }
            if (process.exitValue() != 0) {
                throw ProviderException.refused("haproxy rejected the new configuration:\n" + alerts(output));
            }
        } catch (IOException e) {
            throw ProviderException.retryable("cannot run " + binary + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.retryable("interrupted while checking " + config, e);
        }
    }

    /** The {@code [ALERT]} lines, which carry the file and line; all output when there are none. */
    private static String alerts(String output) {
        String alerts = output.lines().filter(l -> l.startsWith("[ALERT]")).collect(Collectors.joining("\n"));
        return alerts.isEmpty() ? output.strip() : alerts;
    }
}
