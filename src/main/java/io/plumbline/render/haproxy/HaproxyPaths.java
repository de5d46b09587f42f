package io.plumbline.render.haproxy;

import io.plumbline.model.spec.haproxy.HaproxySpec;
import java.nio.file.Path;

/**
 * Where one HAProxy's files and sockets are, after resolving the environment's absolute paths under an
 * optional root folder (a temporary folder for tests and the local demo; none in production).
 *
 * @param stateFile where server state is saved across reloads; beside the config when not declared
 */
public record HaproxyPaths(Path config, Path masterSocket, Path runtimeSocket, Path stateFile) {

    /** @param root a folder to resolve the declared absolute paths under, or null to use them as they are */
    public static HaproxyPaths of(HaproxySpec spec, Path root) {
        String stateFile = spec.stateFile() != null ? spec.stateFile()
                : Path.of(spec.config()).resolveSibling("server-state").toString();
        return new HaproxyPaths(under(root, spec.config()), under(root, spec.masterSocket()),
                under(root, spec.runtimeSocket()), under(root, stateFile));
    }

    private static Path under(Path root, String absolute) {
        // HAProxy reads a relative socket path as host:port, so the result is always absolute.
        return root == null ? Path.of(absolute) : root.toAbsolutePath().resolve(absolute.substring(1));
    }
}
