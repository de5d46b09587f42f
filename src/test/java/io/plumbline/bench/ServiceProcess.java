package io.plumbline.bench;

import io.plumbline.testing.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar target/plumbline.jar serve} in its own folder, with a configuration file; measured from outside.
 * With {@code BENCH_SERVICE_LAUNCHER=shipped}, started the way the image starts it instead: {@code bin/plumbline
 * serve} (C1 only, the Serial collector, its AppCDS archive when one is built).
 */
public final class ServiceProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target/plumbline.jar").toAbsolutePath();
    private static final Path LAUNCHER = Path.of("bin/plumbline").toAbsolutePath();
    private final Process process;
    private final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ServiceProcess start(Path dir, String config) throws Exception {
        Files.createDirectories(dir);
        Path file = Files.writeString(dir.resolve("application.yml"), config);
        int port = Ports.free();
        List<String> command = new ArrayList<>();
        if (shipped()) {
            command.add(LAUNCHER.toString());
        } else {
            command.add("java");
            command.addAll(jvmOptions());
            command.addAll(List.of("-jar", JAR.toString()));
        }
        command.addAll(List.of("serve", "--port", String.valueOf(port), "--config", file.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("service.log").toFile()));
        if (shipped()) {
            builder.environment().put("PLUMBLINE_JAR", JAR.toString());
            builder.environment().put("PLUMBLINE_JAVA_OPTS", String.join(" ", jvmOptions()));
        }
        // moto accepts any credentials; the service finds these through the SDK's default chain.
        builder.environment().put("AWS_ACCESS_KEY_ID", "testing");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
        Process process = builder.start();
        ServiceProcess service = new ServiceProcess(process, port);
        service.awaitReady();
        return service;
    }

    /**
     * Extra options for the service's JVM from {@code BENCH_SERVICE_JVM_OPTIONS} (split on spaces), e.g. a flight
     * recording to find where its CPU goes: {@code -XX:StartFlightRecording=settings=profile,filename=/tmp/s.jfr}.
     */
    private static List<String> jvmOptions() {
        String options = System.getenv().getOrDefault("BENCH_SERVICE_JVM_OPTIONS", "").trim();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /** Whether the service runs through {@code bin/plumbline}, as the image runs it. */
    static boolean shipped() {
        return "shipped".equals(System.getenv("BENCH_SERVICE_LAUNCHER"));
    }

    /** How the service was started, for the figures. */
    static String launcher() {
        return shipped() ? "bin/plumbline (C1 only, Serial GC)" : "java -jar, default JVM settings";
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** The share of one core the process used over the next {@code seconds}, e.g. {@code 0.4% of a core}. */
    String cpuShare(long seconds) throws IOException, InterruptedException {
        long before = ProcessStats.cpuMillis(process.pid());
        Thread.sleep(seconds * 1000);
        long used = ProcessStats.cpuMillis(process.pid()) - before;
        return String.format("%.2f%% of a core (%d ms CPU)", 100.0 * used / (seconds * 1000), used);
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/readiness")).build();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the service did not become ready; see its service.log");
    }

    /** Ends the process with SIGKILL, as a crash or the OOM killer would: nothing of it runs after the signal. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
