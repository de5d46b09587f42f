package io.plumbline.bench;

import io.plumbline.testing.Ports;
import io.plumbline.testing.TestRepo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints, for the shaded jar: the time from {@code java -jar ... serve} to a healthy {@code /health} (median of
 * 5), the resident memory once started, and the wall time of {@code validate} on example-repo (median of 5).
 * Needs {@code target/plumbline.jar} ({@code scripts/bench} builds it).
 */
public final class StartupBench {
    private static final Path JAR = Path.of("target/plumbline.jar").toAbsolutePath();
    private static final int RUNS = 5;

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run scripts/bench, which builds it");
        }
        List<Long> startMillis = new ArrayList<>();
        List<Long> rssKib = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Path tmp = Files.createTempDirectory("plumbline-startup");
            try (TestRepo repo = TestRepo.withFiles(tmp, Map.of("environments/production.yaml", """
                    apiVersion: plumbline/v1
                    kind: Environment
                    metadata: {name: production}
                    spec: {sync: {mode: auto}}
                    """))) {
                int port = Ports.free();
                long t0 = System.nanoTime();
                Process service = new ProcessBuilder("java", "-jar", JAR.toString(), "serve", "--repo", repo.url(),
                        "--port", String.valueOf(port)).redirectErrorStream(true)
                        .redirectOutput(tmp.resolve("service.log").toFile())
                        .directory(tmp.toFile()).start();
                try {
                    awaitHealthy(port);
                    startMillis.add((System.nanoTime() - t0) / 1_000_000);
                    rssKib.add(rss(service.pid()));
                } finally {
                    service.destroy();
                    service.waitFor();
                }
            }
        }
        List<Long> validateMillis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            Process validate = new ProcessBuilder("java", "-jar", JAR.toString(), "validate", "--repo", "example-repo")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (validate.waitFor() != 0) {
                throw new IllegalStateException("validate failed on example-repo");
            }
            validateMillis.add((System.nanoTime() - t0) / 1_000_000);
        }
        System.out.printf("java -jar -> healthy /health: median %d ms (runs: %s)%n", median(startMillis), startMillis);
        System.out.printf("RSS after start: median %d MiB (runs, KiB: %s)%n", median(rssKib) / 1024, rssKib);
        System.out.printf("validate example-repo wall time: median %d ms (runs: %s)%n", median(validateMillis),
                validateMillis);
    }

    private static void awaitHealthy(int port) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the service did not become healthy within 60 s");
    }

    private static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
