package io.plumbline.provider.haproxy;

import com.sun.net.httpserver.HttpServer;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Resource;
import io.plumbline.model.Revision;
import io.plumbline.model.spec.haproxy.Analysis;
import io.plumbline.model.spec.haproxy.Backend;
import io.plumbline.model.spec.haproxy.Defaults;
import io.plumbline.model.spec.haproxy.Frontend;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.model.spec.haproxy.HealthCheck;
import io.plumbline.model.spec.haproxy.Migration;
import io.plumbline.model.spec.haproxy.Server;
import io.plumbline.model.spec.haproxy.Stats;
import io.plumbline.provider.Fence;
import io.plumbline.render.haproxy.HaproxyEnvironments;
import io.plumbline.render.haproxy.HaproxyPaths;
import io.plumbline.testing.Ports;
import io.plumbline.testing.PrometheusServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Everything real a migration by steps needs, on 127.0.0.1: a HAProxy in master-worker mode whose stats address serves
 * its own Prometheus exporter, a Prometheus server scraping it every second, an old and a new backend (the new one can
 * be told to answer 500 from then on), the provider, and load through the frontend while it runs.
 */
public final class MigrationLab implements AutoCloseable {
    public static final String BACKEND = "app";
    /** The new servers' share of 5xx answers over the last 5 s (0 while they get no traffic). */
    public static final String ERROR_RATIO = "sum(rate(haproxy_server_http_responses_total{proxy=\"app\",server=\"new\","
            + "code=\"5xx\"}[5s])) / clamp_min(sum(rate(haproxy_server_http_responses_total{proxy=\"app\","
            + "server=\"new\"}[5s])), 1e-9)";
    private static final String FAILING = "new: failing";

    private final Map<String, HttpServer> servers;
    private final ExecutorService serverPool = Executors.newFixedThreadPool(16);
    private final AtomicBoolean newFails = new AtomicBoolean();
    private final LocalHaproxy haproxy;
    private final PrometheusServer prometheus;
    private final HaproxyPaths paths;
    private final HaproxyOptions options;
    private final int frontendPort = Ports.free();
    private final int statsPort = Ports.free();
    private volatile Load load;

    private MigrationLab(Path root) throws IOException, InterruptedException {
        servers = Map.of("old", backend("old"), "new", backend("new"));
        options = new HaproxyOptions(null, root, Duration.ofSeconds(20), Duration.ofSeconds(20));
        paths = HaproxyPaths.of(spec(List.of(5, 100), "1s", "1s", 0.01), root);
        haproxy = LocalHaproxy.start(HaproxyOptions.DEFAULT_BINARY, paths);
        prometheus = PrometheusServer.scraping(root.resolve("prometheus"), "127.0.0.1:" + statsPort);
    }

    public static MigrationLab start(Path root) throws IOException, InterruptedException {
        return new MigrationLab(root);
    }

    private HttpServer backend(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean failing = name.equals("new") && newFails.get() && !exchange.getRequestURI().getPath()
                    .equals("/health");
            byte[] body = (failing ? FAILING : name).getBytes(StandardCharsets.UTF_8);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(failing ? 500 : 200, head ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (!head) {
                    out.write(body);
                }
            }
        });
        server.setExecutor(serverPool);
        server.start();
        return server;
    }

    /** From now on the new backend answers 500 to everything but its health check (which HAProxy sees passing). */
    public void breakNewBackend() {
        newFails.set(true);
    }

    public HaproxySpec spec(List<Integer> steps, String hold, String interval, double max) {
        List<Server> declared = List.of(new Server("old", address("old"), null, "ready", true),
                new Server("new", address("new"), null, "ready", true));
        Migration migration = new Migration(List.of("old"), List.of("new"), steps, hold,
                new Analysis(prometheusUrl(), ERROR_RATIO, max, interval));
        return new HaproxySpec("/etc/haproxy/haproxy.cfg", "/run/haproxy/master.sock", "/run/haproxy/admin.sock",
                "/var/lib/haproxy/server-state", null, new Defaults("http", "2s", "10s", "10s", 3),
                List.of(new Frontend("web", "127.0.0.1:" + frontendPort, BACKEND, List.of())),
                List.of(new Backend(BACKEND, "roundrobin", true, new HealthCheck("GET", "/health", null, "1s", 1, 2),
                        declared, migration)),
                new Stats("127.0.0.1:" + statsPort, "/", false, true), List.of());
    }

    /** The environment at {@code commit} (40 hex digits or any other id). */
    public LoadedEnvironment env(HaproxySpec spec, String commit) {
        LoadedEnvironment env = HaproxyEnvironments.loaded("production", spec);
        return new LoadedEnvironment(env.file(), env.environment(), env.manifests(),
                new Revision(commit, "refs/heads/main", "migrate"));
    }

    private String address(String name) {
        return "127.0.0.1:" + servers.get(name).getAddress().getPort();
    }

    public String prometheusUrl() {
        return prometheus == null ? "http://127.0.0.1:9" : prometheus.url();
    }

    /** A provider as a fresh process of Plumbline would build it, telling {@code listener} of each step. */
    public HaproxyProvider provider(MigrationListener listener) {
        return new HaproxyProvider(options, listener);
    }

    public ChangeSet plan(HaproxyProvider provider, LoadedEnvironment env) {
        List<Resource> desired = provider.render(env);
        return provider.diff(env, desired, provider.observe(env, desired));
    }

    public List<ObjectResult> apply(HaproxyProvider provider, LoadedEnvironment env, Fence fence) {
        return provider.apply(env, plan(provider, env), fence);
    }

    /** The result of the migration's change in an apply's results. */
    public static ObjectResult migration(List<ObjectResult> results) {
        return results.stream().filter(r -> r.key().kind().equals("Migration")).findFirst().orElseThrow();
    }

    /** The weights of the backend's servers as the admin socket says them now. */
    public Map<String, Integer> weights() {
        return new RuntimeApi(paths.runtimeSocket()).servers().stream().filter(s -> s.backend().equals(BACKEND))
                .collect(Collectors.toMap(LiveServer::name, LiveServer::weight));
    }

    /**
     * Applies the backend as it was before any migration (all traffic on {@code old}, {@code new} at weight 0, the
     * exporter on the stats address) and waits until Prometheus holds a sample of the exporter.
     */
    public void before() throws IOException, InterruptedException {
        HaproxySpec migrating = spec(List.of(100), "1s", "1s", 0);
        Backend b = migrating.backends().get(0);
        HaproxySpec spec = new HaproxySpec(migrating.config(), migrating.masterSocket(), migrating.runtimeSocket(),
                migrating.stateFile(), null, migrating.defaults(), migrating.frontends(),
                List.of(new Backend(b.name(), b.balance(), b.forwardFor(), b.healthCheck(),
                        List.of(new Server("old", address("old"), 1, "ready", true),
                                new Server("new", address("new"), 0, "ready", true)))),
                migrating.stats(), List.of());
        HaproxyProvider provider = provider(MigrationListener.NONE);
        LoadedEnvironment env = env(spec, "0".repeat(40));
        List<ObjectResult> results = apply(provider, env, Fence.NONE);
        if (results.stream().anyMatch(r -> r.result() == ObjectResult.Result.FAILED)) {
            throw new IllegalStateException("the backend before the migration was not applied: " + results);
        }
        prometheus.awaitScraped();
    }

    /** Starts {@code clients} clients sending requests through the frontend without pause until {@link #close}. */
    public Load load(int clients) {
        load = new Load(URI.create("http://127.0.0.1:" + frontendPort + "/"), clients);
        return load;
    }

    @Override
    public void close() throws InterruptedException {
        if (load != null) {
            load.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
        haproxy.close();
        servers.values().forEach(s -> s.stop(0));
        serverPool.shutdownNow();
    }

    /** One answer through the frontend: when, its status, its body ({@code old}, {@code new}, or the failing one). */
    public record Answer(long nanos, int status, String body) {
        /** A failure that is not the broken new backend's own 500: on the healthy path, the one that must not happen. */
        public boolean failedOnHealthyPath() {
            return status != 200 && !body.equals(FAILING);
        }

        public boolean badBackendFailure() {
            return status == 500 && body.equals(FAILING);
        }
    }

    /** Clients sending requests through the frontend, every answer (or transport error, as status 0) recorded. */
    public static final class Load implements AutoCloseable {
        private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        private final ExecutorService clients;
        private final AtomicBoolean running = new AtomicBoolean(true);

        Load(URI frontend, int count) {
            clients = Executors.newFixedThreadPool(count);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            for (int i = 0; i < count; i++) {
                clients.submit(() -> run(client, frontend, answers::add));
            }
        }

        private void run(HttpClient client, URI frontend, Consumer<Answer> record) {
            while (running.get()) {
                try {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(frontend)
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                    record.accept(new Answer(System.nanoTime(), r.statusCode(), r.body()));
                    Thread.sleep(2);
                } catch (IOException e) {
                    record.accept(new Answer(System.nanoTime(), 0, String.valueOf(e)));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        public List<Answer> answers() {
            return List.copyOf(answers);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            clients.shutdownNow();
            clients.awaitTermination(15, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
