package io.plumbline.provider.haproxy;

import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Resource;
import io.plumbline.model.spec.haproxy.Backend;
import io.plumbline.model.spec.haproxy.Defaults;
import io.plumbline.model.spec.haproxy.Frontend;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.model.spec.haproxy.HealthCheck;
import io.plumbline.model.spec.haproxy.Server;
import io.plumbline.model.spec.haproxy.Stats;
import io.plumbline.render.haproxy.HaproxyEnvironments;
import io.plumbline.render.haproxy.HaproxyPaths;
import io.plumbline.testing.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A real HAProxy in master-worker mode under a temporary root, three HTTP backends ({@code s1}, {@code s2},
 * {@code s3}) and the provider, all on 127.0.0.1 with free ports.
 */
public final class HaproxyTestbed implements AutoCloseable {
    public static final String BACKEND = "app";
    private final TestBackends backends;
    private final LocalHaproxy haproxy;
    private final HaproxyPaths paths;
    private final HaproxyProvider provider;
    private final int frontendPort;
    private final int statsPort;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** What one reconcile planned and did. */
    public record Outcome(ChangeSet plan, List<ObjectResult> results) {
        /** The results of the changes that wrote something (unchanged objects are recorded too). */
        public List<ObjectResult> writes() {
            return results.stream().filter(r -> r.action().writes()).toList();
        }
    }

    private HaproxyTestbed(Path root, HaproxyOptions options) throws IOException {
        this.backends = new TestBackends("s1", "s2", "s3");
        this.frontendPort = Ports.free();
        this.statsPort = Ports.free();
        this.provider = new HaproxyProvider(options);
        this.paths = HaproxyPaths.of(spec(List.of(), "roundrobin", 3), root);
        this.haproxy = LocalHaproxy.start(HaproxyOptions.DEFAULT_BINARY, paths);
    }

    public static HaproxyTestbed start(Path root) throws IOException {
        return start(root, new HaproxyOptions(null, root, Duration.ofSeconds(20), Duration.ofSeconds(20)));
    }

    /** With the provider's options given (a short reload timeout, another binary for the check), under root. */
    public static HaproxyTestbed start(Path root, HaproxyOptions options) throws IOException {
        return new HaproxyTestbed(root, options);
    }

    /** A server of the test backend of that name. */
    public Server server(String name, String state, int weight) {
        return new Server(name, backends.address(name), weight, state, true);
    }

    public HaproxySpec spec(List<Server> servers, String balance, int retries) {
        return new HaproxySpec("/etc/haproxy/haproxy.cfg", "/run/haproxy/master.sock", "/run/haproxy/admin.sock",
                "/var/lib/haproxy/server-state", null, new Defaults("http", "2s", "10s", "10s", retries),
                List.of(new Frontend("web", "127.0.0.1:" + frontendPort, BACKEND, List.of())),
                List.of(new Backend(BACKEND, balance, true, new HealthCheck("GET", "/health", "app.example.com",
                        "1s", 1, 2), servers)),
                new Stats("127.0.0.1:" + statsPort, "/", true), List.of());
    }

    public LoadedEnvironment env(List<Server> servers) {
        return env(spec(servers, "roundrobin", 3));
    }

    public LoadedEnvironment env(HaproxySpec spec) {
        return HaproxyEnvironments.loaded("test", spec);
    }

    public ChangeSet plan(LoadedEnvironment env) {
        List<Resource> desired = provider.render(env);
        return provider.diff(env, desired, provider.observe(env, desired));
    }

    public Outcome reconcile(LoadedEnvironment env) {
        ChangeSet plan = plan(env);
        return new Outcome(plan, provider.apply(env, plan));
    }

    public HaproxyProvider provider() {
        return provider;
    }

    public HaproxyPaths paths() {
        return paths;
    }

    public LocalHaproxy haproxy() {
        return haproxy;
    }

    public URI frontend() {
        return URI.create("http://127.0.0.1:" + frontendPort + "/");
    }

    public TestBackends backends() {
        return backends;
    }

    public URI statsPage() {
        return URI.create("http://127.0.0.1:" + statsPort + "/");
    }

    /** The body of one request through the frontend: the name of the backend server that answered. */
    public String get() throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(frontend()).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    /** The distinct answers of that many requests through the frontend. */
    public Set<String> answers(int requests) throws IOException, InterruptedException {
        Set<String> answers = new HashSet<>();
        for (int i = 0; i < requests; i++) {
            answers.add(get());
        }
        return answers;
    }

    public int reloads() {
        return new MasterCli(paths.masterSocket()).showProc().reloads();
    }

    public LiveServer live(String server) {
        return new RuntimeApi(paths.runtimeSocket()).servers().stream()
                .filter(s -> s.backend().equals(BACKEND) && s.name().equals(server)).findFirst().orElseThrow();
    }

    /** The names of the test backend's servers the running HAProxy has now, in its order. */
    public List<String> servers() {
        return new RuntimeApi(paths.runtimeSocket()).servers().stream().filter(s -> s.backend().equals(BACKEND))
                .map(LiveServer::name).toList();
    }

    /** The admin state of a server of the test backend now: {@code ready}, {@code drain} or {@code maint}. */
    public String state(String server) {
        return live(server).state();
    }

    /** The sessions a server of the test backend has open now. */
    public int sessions(String server) {
        return new RuntimeApi(paths.runtimeSocket()).sessions(BACKEND, server);
    }

    /** A command typed by hand on the runtime socket. */
    public String byHand(String command) {
        return new UnixSocketClient(paths.runtimeSocket(), "runtime").send(command);
    }

    @Override
    public void close() throws InterruptedException {
        haproxy.close();
        backends.close();
    }
}
