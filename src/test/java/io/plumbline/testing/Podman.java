package io.plumbline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * podman, as the tests of the image run it: as root, with runc and cgroupfs (what works on a host without systemd
 * as well as in a container), on the host network (the peers listen on 127.0.0.1), with the image built by
 * {@code scripts/image} once per test run (podman's layer cache makes a run without changes cheap).
 */
public final class Podman {
    /** The tag the tests build and run, apart from the one a developer builds by hand. */
    public static final String IMAGE = "localhost/plumbline:test";
    private static final List<String> GLOBAL = List.of("podman", "--runtime", "runc", "--cgroup-manager", "cgroupfs");
    /** The limits these machines need spelled out, and the peers' network. */
    public static final List<String> RUN = List.of("--network=host", "--ulimit", "nofile=1024:1024", "--ulimit",
            "nproc=1024:1024");
    private static boolean built;

    private Podman() {
    }

    public record Result(int code, String out, String err) {
        public String both() {
            return out + err;
        }
    }

    /** Skips the calling test, saying why, where podman is not installed or cannot run containers. */
    public static void assumeRunnable() {
        Result info;
        try {
            info = podman(List.of("info", "--format", "{{.Host.OCIRuntime.Name}}"));
        } catch (IOException e) {
            info = new Result(127, "", e.getMessage());
        }
        Assumptions.assumeTrue(info.code() == 0, "podman cannot run here (scripts/image installs it on Debian): "
                + info.err().strip());
    }

    /** The image, built from this checkout by {@code scripts/image} the first time a test asks. */
    public static synchronized String image() throws IOException {
        if (!built) {
            Path log = Files.createTempFile("plumbline-image-", ".log");
            ProcessBuilder builder = new ProcessBuilder("scripts/image").redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("PLUMBLINE_IMAGE", IMAGE);
            int code = waitFor(builder.start(), 40);
            assertThat(code).as("scripts/image:\n" + tail(log)).isZero();
            built = true;
        }
        return IMAGE;
    }

    /** {@code podman <arguments>} with the runtime flags, its output and exit code. */
    public static Result podman(String... arguments) throws IOException {
        return podman(List.of(arguments));
    }

    public static Result podman(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(GLOBAL);
        command.addAll(arguments);
        Path out = Files.createTempFile("podman-out", ".txt");
        Path err = Files.createTempFile("podman-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            int code = waitFor(p, 5);
            return new Result(code, Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** A folder any user of a container may write, as an emptyDir volume is (mode 0777). */
    public static Path shared(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        return folder;
    }

    /** Makes a tree readable by every user, so a container's non-root user can read what a test mounts. */
    public static void readable(Path tree) throws IOException {
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path f : files.toList()) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(
                        Files.isDirectory(f) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        for (Path up = tree.toAbsolutePath().getParent(); up != null && !up.equals(Path.of("/")); up = up.getParent()) {
            if (!Files.isReadable(up) || Files.getPosixFilePermissions(up).stream().noneMatch(
                    p -> p == java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                Files.setPosixFilePermissions(up, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static int waitFor(Process p, int minutes) throws IOException {
        try {
            if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("no end after " + minutes + " minutes: " + p.info().commandLine().orElse(""));
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
