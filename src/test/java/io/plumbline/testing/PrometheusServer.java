package io.plumbline.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (Debian's {@code prometheus} package, {@code /usr/bin/prometheus}) on a free loopback port,
 * scraping one target every second with a configuration written for it, its data in a temporary folder.
 */
public final class PrometheusServer implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/prometheus");
    private final Process process;
    private final int port;

    private PrometheusServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @param target {@code host:port} whose {@code /metrics} is scraped every second */
    public static PrometheusServer scraping(Path folder, String target) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path config = folder.resolve("prometheus.yml");
        Files.writeString(config, """
                global: {scrape_interval: 1s, evaluation_interval: 1s}
                scrape_configs:
                  - job_name: haproxy
                    metrics_path: /metrics
                    static_configs: [{targets: ['%s']}]
                """.formatted(target));
        int port = Ports.free();
        Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + folder.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(folder.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(process, port);
        server.awaitReady();
        return server;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until a sample of {@code up} of the target says it was scraped. */
    public void awaitScraped() throws IOException, InterruptedException {
        await("/api/v1/query?query=up%3D%3D1", body -> body.contains("\"value\""));
    }

    private void awaitReady() throws IOException, InterruptedException {
        await("/-/ready", body -> true);
    }

    private void await(String path, java.util.function.Predicate<String> done) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus stopped (exit " + process.exitValue() + ")");
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url() + path))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && done.test(r.body())) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("prometheus at " + url() + " did not answer " + path + " within 60 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
