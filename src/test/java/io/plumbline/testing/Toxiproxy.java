package io.plumbline.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Toxiproxy, the fault proxy the tests put between Plumbline and a peer: one {@code toxiproxy-server} per JVM on a
 * free 127.0.0.1 port ({@link #shared()}), driven through its HTTP API. The binary comes from
 * {@code scripts/toxiproxy-peer-build}, found through {@code PLUMBLINE_TOXIPROXY} (set by {@code scripts/setup}) or
 * the build's default cache folder.
 */
public final class Toxiproxy {
    public static final String VERSION = "v2.5.0";
    private static final String DEFAULT_HOME = ".cache/plumbline/toxiproxy-" + VERSION;
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static Toxiproxy shared;

    private final Process process;
    private final URI api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Toxiproxy(Process process, URI api) {
        this.process = process;
        this.api = api;
    }

    /** The server every test of this JVM uses, started on the first call and stopped when the JVM exits. */
    public static synchronized Toxiproxy shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.process::destroy, "toxiproxy-stop"));
        }
        return shared;
    }

    private static Toxiproxy start() {
        Path binary = home().resolve("bin/toxiproxy-server");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("Toxiproxy is not built in " + home()
                    + ": run scripts/toxiproxy-peer-build (about a minute once per machine; scripts/test runs it)");
        }
        int port = Ports.free();
        try {
            Path log = Files.createTempFile("toxiproxy-", ".log");
            Process process = new ProcessBuilder(binary.toString(), "-host", "127.0.0.1", "-port",
                    String.valueOf(port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Toxiproxy server = new Toxiproxy(process, URI.create("http://127.0.0.1:" + port));
            await("toxiproxy on port " + port).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("toxiproxy-server exited: " + Files.readString(log));
                        }
                        return server.status("GET", "/version", null) == 200;
                    });
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start toxiproxy-server", e);
        }
    }

    private static Path home() {
        String fromEnv = System.getenv("PLUMBLINE_TOXIPROXY");
        return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv)
                : Path.of(System.getProperty("user.home")).resolve(DEFAULT_HOME);
    }

    /** A new proxy on a free 127.0.0.1 port that passes everything to {@code host:port} until a toxic is added. */
    public Proxy proxy(String purpose, String host, int port) {
        String name = purpose + "-" + NAMES.incrementAndGet();
        int listen = Ports.free();
        expect(201, "POST", "/proxies", "{\"name\":\"" + name + "\",\"listen\":\"127.0.0.1:" + listen
                + "\",\"upstream\":\"" + host + ":" + port + "\",\"enabled\":true}");
        return new Proxy(this, name, listen);
    }

    /** One proxy: where Plumbline connects instead of the peer. */
    public record Proxy(Toxiproxy server, String name, int port) {
        /** The proxy's address with the peer's scheme, e.g. {@code http://127.0.0.1:port}. */
        public URI uri(String scheme) {
            return URI.create(scheme + "://127.0.0.1:" + port);
        }

        /** Adds the toxic to every connection from now on, the ones open now included. */
        public Proxy add(Toxic toxic) {
            server.expect(200, "POST", "/proxies/" + name + "/toxics", toxic.json());
            return this;
        }

        /** Removes every toxic: the proxy passes everything again. */
        public void clear() {
            for (String toxic : server.toxics(name)) {
                server.expect(204, "DELETE", "/proxies/" + name + "/toxics/" + toxic, null);
            }
        }

        /** Refuses new connections and closes the open ones (enabled false), or takes them again. */
        public void enabled(boolean enabled) {
            server.expect(200, "POST", "/proxies/" + name, "{\"enabled\":" + enabled + "}");
        }

        public void delete() {
            server.expect(204, "DELETE", "/proxies/" + name, null);
        }
    }

    /**
     * A fault Toxiproxy applies to the bytes of a connection; {@code downstream} is the peer's answer, {@code upstream}
     * Plumbline's request. Named by what it does, for test names and messages.
     */
    public record Toxic(String label, String type, String stream, Map<String, Long> attributes) {
        /** Every answer waits {@code millis} (give or take {@code jitter}) before it is passed on. */
        public static Toxic latency(long millis, long jitter) {
            return new Toxic("latency " + millis + "ms", "latency", "downstream",
                    Map.of("latency", millis, "jitter", jitter));
        }

        /** Answers flow at {@code kilobytesPerSecond} at most. */
        public static Toxic bandwidth(long kilobytesPerSecond) {
            return new Toxic("bandwidth " + kilobytesPerSecond + "KB/s", "bandwidth", "downstream",
                    Map.of("rate", kilobytesPerSecond));
        }

        /** Every connection is reset (TCP RST) {@code millis} after it starts sending. */
        public static Toxic resetPeer(long millis) {
            return new Toxic("reset_peer after " + millis + "ms", "reset_peer", "downstream",
                    Map.of("timeout", millis));
        }

        /** No answer passes; after {@code millis} the connection is closed ({@code 0}: held open, silent, for ever). */
        public static Toxic timeout(long millis) {
            return new Toxic(millis == 0 ? "silent peer" : "timeout " + millis + "ms", "timeout", "downstream",
                    Map.of("timeout", millis));
        }

        /** Answers are cut into small packets ({@code averageBytes}, give or take half) sent with a delay between. */
        public static Toxic slicer(long averageBytes, long delayMicros) {
            return new Toxic("slicer " + averageBytes + "B", "slicer", "downstream",
                    Map.of("average_size", averageBytes, "size_variation", averageBytes / 2, "delay", delayMicros));
        }

        /** A connection is closed once {@code bytes} of answer have passed: a response cut halfway. */
        public static Toxic limitData(long bytes) {
            return new Toxic("cut after " + bytes + "B", "limit_data", "downstream", Map.of("bytes", bytes));
        }

        String json() {
            String attrs = attributes.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                    .collect(Collectors.joining(",", "{", "}"));
            return "{\"name\":\"" + type + "-" + stream + "\",\"type\":\"" + type + "\",\"stream\":\"" + stream
                    + "\",\"toxicity\":1.0,\"attributes\":" + attrs + "}";
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private List<String> toxics(String proxy) {
        String body = send("GET", "/proxies/" + proxy + "/toxics", null).body();
        // [{"attributes":{...},"name":"latency-downstream",...}]: the names are all this needs
        return java.util.regex.Pattern.compile("\"name\":\"([^\"]+)\"").matcher(body).results()
                .map(m -> m.group(1)).toList();
    }

    private void expect(int status, String method, String path, String body) {
        HttpResponse<String> response = send(method, path, body);
        if (response.statusCode() != status) {
            throw new IllegalStateException("toxiproxy " + method + " " + path + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    private int status(String method, String path, String body) {
        try {
            return send(method, path, body).statusCode();
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("toxiproxy " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted talking to toxiproxy", e);
        }
    }
}
