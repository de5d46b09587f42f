package io.plumbline.chaos;

import io.plumbline.provider.haproxy.LoadGenerator;
import io.plumbline.provider.haproxy.ProxyHost;
import io.plumbline.provider.haproxy.TestBackends;
import io.plumbline.testing.Ports;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real haproxy (master-worker, started on the bootstrap configuration a new proxy host gets) in front of three
 * real backends on loopback, all healthy throughout, under a load loop of four keep-alive clients from the first
 * converged commit to the end. The commits cycle through runtime-only changes (a weight, a server drained and made
 * ready again) and changes that need a reload (a server added and removed, the retries); one server is always
 * ready, so every failed request counts. A file of the operator's own beside the configuration is the foreign
 * object.
 */
final class HaproxyChaos implements ChaosTarget {
    private static final String FILE = "environments/edge.yaml";
    private static final String FOREIGN = "etc/haproxy/operator-notes.cfg";
    private static final String FOREIGN_TEXT = "# the operator's own notes, not Plumbline's\n";

    private final int frontendPort = Ports.free();
    private Path root;
    private TestBackends backends;
    private ProxyHost host;
    private LoadGenerator load;

    @Override
    public String name() {
        return "haproxy";
    }

    @Override
    public List<String> environments() {
        return List.of("edge");
    }

    @Override
    public void start() throws Exception {
        root = Files.createTempDirectory("plumbline-chaos-haproxy");
        backends = new TestBackends("s1", "s2", "s3");
        host = ProxyHost.start(root);
        Files.writeString(root.resolve(FOREIGN), FOREIGN_TEXT);
    }

    @Override
    public void firstConverged() {
        load = new LoadGenerator(URI.create("http://127.0.0.1:" + frontendPort + "/"), 4, Duration.ofHours(6));
    }

    @Override
    public String serviceSettings() {
        return "  haproxy: {root: \"" + root + "\"}\n";
    }

    @Override
    public List<String> planOptions() {
        return List.of("--haproxy-root", root.toString());
    }

    @Override
    public int killWindowMillis() {
        return 1_500;
    }

    @Override
    public Step step(int n) {
        int kind = n == 0 ? -1 : (n - 1) % 4;
        List<String> servers = new ArrayList<>(List.of(server("s1", 1, "ready"), server("s2", 1, "ready")));
        int retries = 3;
        String name = switch (kind) {
            case -1 -> "s1 and s2";
            case 0 -> {
                servers.set(1, server("s2", 3, "ready"));
                yield "weight of s2 (runtime)";
            }
            case 1 -> {
                servers.set(0, server("s1", 1, "drain"));
                servers.add(server("s3", 1, "ready"));
                yield "s1 drained, s3 added (reload)";
            }
            case 2 -> {
                servers.add(server("s3", 1, "ready"));
                retries = 2;
                yield "s1 ready, retries 2 (reload)";
            }
            default -> "s3 removed, retries 3 (reload)";
        };
        // Removing a server is one deletion of a few owned objects: over the default share without the trailer.
        return new Step(name, Map.of(FILE, environment(servers, retries)), name + "\n\nPlumbline-Allow-Deletes: 10",
                false);
    }

    private String server(String name, int weight, String state) {
        return "          - {name: %s, address: \"%s\", weight: %d, state: %s}\n".formatted(name,
                backends.address(name), weight, state);
    }

    private String environment(List<String> servers, int retries) {
        return """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: edge}
                spec:
                  sync: {mode: auto, prune: true, healthTimeout: 30s}
                  haproxy:
                    config: %s
                    masterSocket: %s
                    runtimeSocket: %s
                    stateFile: %s
                    defaults: {mode: http, connectTimeout: 2s, clientTimeout: 10s, serverTimeout: 10s, retries: %d}
                    frontends:
                      - {name: web, bind: "127.0.0.1:%d", defaultBackend: app}
                    backends:
                      - name: app
                        healthCheck: {method: GET, path: /health, interval: 1s}
                        servers:
                %s""".formatted(ProxyHost.CONFIG, ProxyHost.MASTER, ProxyHost.RUNTIME, ProxyHost.STATE, retries,
                frontendPort, String.join("", servers));
    }

    /** Each proxy and server of the running haproxy once, as its runtime API lists them. */
    @Override
    public List<String> duplicates() {
        Map<String, Integer> seen = new HashMap<>();
        for (String line : host.byHand("show stat").split("\n")) {
            String[] fields = line.split(",");
            if (fields.length > 2 && !line.startsWith("#")) {
                seen.merge(fields[0] + "/" + fields[1], 1, Integer::sum);
            }
        }
        List<String> twice = new ArrayList<>();
        seen.forEach((object, count) -> {
            if (count > 1) {
                twice.add(object + " ×" + count);
            }
        });
        return twice;
    }

    @Override
    public List<String> leftAfterDecommission() {
        return List.of();
    }

    @Override
    public List<String> foreignTouched() {
        try {
            Path file = root.resolve(FOREIGN);
            return Files.exists(file) && Files.readString(file).equals(FOREIGN_TEXT) ? List.of()
                    : List.of(FOREIGN + " changed or gone");
        } catch (java.io.IOException e) {
            return List.of(FOREIGN + ": " + e);
        }
    }

    @Override
    public long failedRequests() {
        return load == null ? 0 : load.failed();
    }

    @Override
    public String traffic() {
        return load == null ? "no traffic" : load.ok() + " requests ok, " + load.failed() + " failed "
                + load.failures();
    }

    @Override
    public void close() throws Exception {
        if (load != null) {
            load.close();
        }
        if (host != null) {
            host.close();
        }
        if (backends != null) {
            backends.close();
        }
    }
}
