package io.plumbline.provider.haproxy;

import io.plumbline.provider.ProviderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code haproxy -c -f <file>}: HAProxy's own verdict on a configuration, before anything is reloaded. Its output
 * goes to a temporary file, so a check that hangs is stopped at the timeout instead of blocking a reader. It runs
 * with {@link ChildProcesses a minimal environment}: none of the service's secrets.
 */
final class ConfigCheck {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final Path binary;
    private final Duration timeout;

    ConfigCheck(Path binary, Duration timeout) {
        this.binary = binary;
        this.timeout = timeout;
    }

    ConfigCheck(Path binary) {
        this(binary, TIMEOUT);
    }

    /**
     * @throws ProviderException refused (not retryable) with HAProxy's alerts, file and line, when it rejects the
     *                           file; retryable when the check cannot run or does not finish in time
     */
    void check(Path config) {
        Path output = null;
        try {
            output = Files.createTempFile("plumbline-haproxy-check", ".log");
            Process process = ChildProcesses.of(binary.toString(), "-c", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw ProviderException.retryable(binary + " -c did not finish in " + timeout.toMillis() + "ms", null);
            }
            if (process.exitValue() != 0) {
                throw ProviderException.refused("haproxy rejected the new configuration:\n"
                        + alerts(Files.readString(output, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw ProviderException.retryable("cannot run " + binary + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.retryable("interrupted while checking " + config, e);
        } finally {
            deleteQuietly(output);
        }
    }

    /** The {@code [ALERT]} lines, which carry the file and line; all output when there are none. */
    private static String alerts(String output) {
        String alerts = output.lines().filter(l -> l.startsWith("[ALERT]")).collect(Collectors.joining("\n"));
        return alerts.isEmpty() ? output.strip() : alerts;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A leftover log in the temporary folder does no harm.
            }
        }
    }
}
