package io.plumbline.provider.haproxy;

import io.plumbline.model.Marks;
import io.plumbline.provider.ProviderException;
import io.plumbline.render.haproxy.HaproxyPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts HAProxy in master-worker mode for tests and the local demo, the way systemd does in production
 * ({@code haproxy -W -S <master socket>,level,admin -f <config>}). When there is no configuration yet it writes a
 * minimal one, marked as Plumbline's, that only opens the runtime socket, so a first apply can take over.
 * Its standard output and error go to {@code <config>.log}.
 */
public final class LocalHaproxy implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private final Process process;
    private final HaproxyPaths paths;

    private LocalHaproxy(Process process, HaproxyPaths paths) {
        this.process = process;
        this.paths = paths;
    }

    public static LocalHaproxy start(Path binary, HaproxyPaths paths) throws IOException {
        Files.createDirectories(paths.masterSocket().getParent());
        Files.createDirectories(paths.runtimeSocket().getParent());
        if (!Files.exists(paths.config())) {
            Files.createDirectories(paths.config().getParent());
            Files.writeString(paths.config(), bootstrapConfig(paths));
        }
        Path log = log(paths);
        Process process = ChildProcesses.of(binary.toString(), "-W", "-S", paths.masterSocket() + ",level,admin",
                "-f", paths.config().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalHaproxy haproxy = new LocalHaproxy(process, paths);
        haproxy.awaitRunning();
        return haproxy;
    }

    /** What HAProxy printed: startup warnings and the reasons for failed reloads. */
    public String log() throws IOException {
        return Files.readString(log(paths));
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void awaitRunning() {
        RuntimeApi runtime = new RuntimeApi(paths.runtimeSocket());
        Optional<Long> pid = UnixSocketClient.ANSWERS.until(START_TIMEOUT, () -> {
            if (!process.isAlive()) {
                return Optional.of(-1L);
            }
            try {
                new MasterCli(paths.masterSocket()).showProc();
                return Optional.of(runtime.pid());
            } catch (ProviderException notYet) {
                return Optional.empty();
            }
        });
        if (pid.isEmpty() || pid.get() < 0) {
            throw new IllegalStateException("haproxy did not start on " + paths.config() + "; see " + log(paths));
        }
    }

    private static String bootstrapConfig(HaproxyPaths paths) {
        return Marks.HAPROXY_HEADER + "\n# bootstrap: replaced by the first apply\n\nglobal\n"
                + "    master-worker\n"
                + "    stats socket " + paths.runtimeSocket() + " mode 660 level admin expose-fd listeners\n"
                + "    server-state-file " + paths.stateFile() + "\n";
    }

    private static Path log(HaproxyPaths paths) {
        return paths.config().resolveSibling(paths.config().getFileName() + ".log");
    }
}
