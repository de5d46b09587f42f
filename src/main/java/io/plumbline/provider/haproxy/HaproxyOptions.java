package io.plumbline.provider.haproxy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How Plumbline reaches one host's HAProxy.
 *
 * @param haproxyBinary  the {@code haproxy} executable, used to check a configuration before a reload
 * @param root           when set, the environment's absolute paths (config, sockets, state file) are resolved
 *                       under this folder (tests and the local demo); null in production
 * @param reloadTimeout  how long HAProxy may take to confirm or refuse a reload before it counts as unconfirmed
 * @param drainTimeout   how long to wait for a drained server's sessions to end
 * @param allowedFolders the only folders the environment's paths may lie in; by default the root, or without one
 *                       {@link #DEFAULT_FOLDERS}
 */
public record HaproxyOptions(Path haproxyBinary, Path root, Duration reloadTimeout, Duration drainTimeout,
                             List<Path> allowedFolders) {
    public static final Path DEFAULT_BINARY = Path.of("/usr/sbin/haproxy");
    /** Where Debian's haproxy package keeps its configuration, sockets and state. */
    public static final List<Path> DEFAULT_FOLDERS = List.of(Path.of("/etc/haproxy"), Path.of("/run/haproxy"),
            Path.of("/var/lib/haproxy"));

    public HaproxyOptions {
        haproxyBinary = haproxyBinary == null ? DEFAULT_BINARY : haproxyBinary;
        reloadTimeout = reloadTimeout == null ? Duration.ofSeconds(30) : reloadTimeout;
        drainTimeout = drainTimeout == null ? Duration.ofMinutes(5) : drainTimeout;
        allowedFolders = allowedFolders == null || allowedFolders.isEmpty()
                ? (root == null ? DEFAULT_FOLDERS : List.of(root)) : List.copyOf(allowedFolders);
    }

    public HaproxyOptions(Path haproxyBinary, Path root, Duration reloadTimeout, Duration drainTimeout) {
        this(haproxyBinary, root, reloadTimeout, drainTimeout, null);
    }

    /** Production: the Debian binary, paths as declared, 30 s per reload, 5 min per drain. */
    public static HaproxyOptions defaults() {
        return new HaproxyOptions(null, null, null, null);
    }

    public static HaproxyOptions under(Path root) {
        return new HaproxyOptions(null, root, null, null);
    }
}
