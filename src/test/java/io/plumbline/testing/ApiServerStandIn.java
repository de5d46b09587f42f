package io.plumbline.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A stand-in of our own in front of the real API server, for what neither the API server nor Toxiproxy can be made
 * to do on demand: answer chosen requests {@code 429 Too Many Requests} (with {@code Retry-After}) or {@code 500}.
 * Every other request is passed to the real API server unchanged (over TLS, trusting the plane's CA) and its answer
 * passed back, streamed. Clients reach the stand-in over plain HTTP on 127.0.0.1 with the plane's token
 * ({@link #config()}). It records every request's method and path, so a test can tell which writes were sent.
 */
public final class ApiServerStandIn implements AutoCloseable {
    private static final Set<String> UNCOPIED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "http2-settings", "te");

    private final Config real;
    private final String kubeconfigText;
    private final String kubeconfigPath;
    private final HttpClient upstream;
    private final HttpServer server;
    private final List<Fault> faults = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();
    private final List<String> faulted = new ArrayList<>();

    /** In front of the API server a kubeconfig names. */
    public ApiServerStandIn(Path kubeconfig) {
        try {
            kubeconfigText = Files.readString(kubeconfig);
            kubeconfigPath = kubeconfig.toString();
            real = Config.fromKubeconfig(null, kubeconfigText, kubeconfigPath);
            upstream = HttpClient.newBuilder().sslContext(trusting(Path.of(real.getCaCertFile())))
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot start the API server stand-in: " + e.getMessage(), e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "api-server-stand-in");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The kubeconfig's client configuration (as Plumbline reads it) with the stand-in's URL for the server's. */
    public Config config() {
        Config config = Config.fromKubeconfig(null, kubeconfigText, kubeconfigPath);
        config.setMasterUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        return config;
    }

    /**
     * Answers the next {@code times} requests whose method matches {@code method} and whose path and query match
     * {@code path} with {@code status} ({@code Retry-After: 1} with a 429), in the API server's own Status shape.
     * {@code times} below 0: every such request.
     */
    public synchronized ApiServerStandIn answer(int status, String method, String path, int times) {
        faults.add(new Fault(status, Pattern.compile(method), Pattern.compile(path), new int[] {times}));
        return this;
    }

    /** Drops every fault still waiting. */
    public synchronized void clear() {
        faults.clear();
    }

    /** Every request so far, as {@code METHOD path?query}, in order. */
    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    /** The requests answered with a fault, as {@code status METHOD path?query}. */
    public synchronized List<String> faulted() {
        return List.copyOf(faulted);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String target = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            Fault fault = take(method, target);
            if (fault != null) {
                answer(exchange, fault.status());
                return;
            }
            pass(exchange, method, target);
        }
    }

    private synchronized Fault take(String method, String target) {
        requests.add(method + " " + target);
        for (Fault f : faults) {
            if (f.left()[0] != 0 && f.method().matcher(method).matches() && f.path().matcher(target).find()) {
                f.left()[0]--;
                faulted.add(f.status() + " " + method + " " + target);
                return f;
            }
        }
        return null;
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        boolean limited = status == 429;
        String reason = limited ? "TooManyRequests" : "InternalError";
        String message = limited ? "Too many requests, please try again later." : "an error on the server";
        byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\""
                + message + "\",\"reason\":\"" + reason + "\",\"details\":{" + (limited ? "\"retryAfterSeconds\":1" : "")
                + "},\"code\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (limited) {
            exchange.getResponseHeaders().add("Retry-After", "1");
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private void pass(HttpExchange exchange, String method, String target) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(real.getMasterUrl().replaceAll("/$", "")
                + target)).method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!UNCOPIED.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<InputStream> answer;
        try {
            answer = upstream.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        answer.headers().map().forEach((name, values) -> {
            if (!UNCOPIED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                values.forEach(v -> exchange.getResponseHeaders().add(name, v));
            }
        });
        // Streamed (chunked), so that a watch's events pass as they come.
        exchange.sendResponseHeaders(answer.statusCode(), 0);
        try (InputStream in = answer.body(); OutputStream out = exchange.getResponseBody()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        }
    }

    private static SSLContext trusting(Path ca) throws IOException, java.security.GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(ca)) {
            store.setCertificateEntry("plane", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private record Fault(int status, Pattern method, Pattern path, int[] left) {
    }
}
