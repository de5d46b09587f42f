package io.plumbline.provider.haproxy;

import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.render.haproxy.HaproxyPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One proxy host: a real HAProxy in master-worker mode under its own root, with the paths an environment file
 * names ({@code /etc/haproxy/haproxy.cfg}, {@code /run/haproxy/master.sock}, {@code /run/haproxy/admin.sock},
 * {@code /var/lib/haproxy/server-state}) resolved under that root, as an agent with {@code plumbline.haproxy.root}
 * resolves them. It starts on the bootstrap configuration of {@code deploy/haproxy-agent/haproxy.cfg}, its folders
 * moved under the root, as a new proxy host would.
 */
public final class ProxyHost implements AutoCloseable {
    public static final String CONFIG = "/etc/haproxy/haproxy.cfg";
    public static final String MASTER = "/run/haproxy/master.sock";
    public static final String RUNTIME = "/run/haproxy/admin.sock";
    public static final String STATE = "/var/lib/haproxy/server-state";

    private final Path root;
    private final HaproxyPaths paths;
    private final LocalHaproxy haproxy;

    private ProxyHost(Path root) throws IOException {
        this.root = root;
        this.paths = HaproxyPaths.of(new HaproxySpec(CONFIG, MASTER, RUNTIME, STATE, null, null, List.of(), List.of(),
                null, List.of()), root);
        String bootstrap = Files.readString(Path.of("deploy", "haproxy-agent", "haproxy.cfg"));
        for (String folder : List.of("/run/haproxy/", "/var/lib/haproxy/")) {
            bootstrap = bootstrap.replace(" " + folder, " " + root + folder);
        }
        Files.createDirectories(paths.config().getParent());
        Files.writeString(paths.config(), bootstrap);
        this.haproxy = LocalHaproxy.start(HaproxyOptions.DEFAULT_BINARY, paths);
    }

    public static ProxyHost start(Path root) throws IOException {
        return new ProxyHost(root);
    }

    public Path root() {
        return root;
    }

    /** A server's admin state as this host's runtime API shows it ({@code ready}, {@code drain}, {@code maint}), or empty. */
    public String state(String backend, String server) {
        return new RuntimeApi(paths.runtimeSocket()).servers().stream()
                .filter(s -> s.backend().equals(backend) && s.name().equals(server)).map(LiveServer::state)
                .findFirst().orElse("");
    }

    /** Sends one command to the runtime API as a person would (drift made by hand); returns HAProxy's answer. */
    public String byHand(String command) {
        return new UnixSocketClient(paths.runtimeSocket(), "runtime").send(command);
    }

    @Override
    public void close() throws InterruptedException {
        haproxy.close();
    }
}
