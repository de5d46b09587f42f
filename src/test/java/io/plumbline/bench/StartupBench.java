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
 * Start-up of the packaged service and command line, as users start them: through {@code bin/plumbline} with the
 * AppCDS archives of {@code scripts/cds} (built here when missing or older than the jar), without them
 * ({@code PLUMBLINE_CDS=off}), and as plain {@code java -jar}. For each: the time from the process start to a
 * 200 from {@code /health/liveness} of {@code serve} on a Git repository holding example-repo (two environments),
 * the CPU time and resident memory of the service at that moment, and the wall time of {@code validate} on
 * example-repo. Medians of {@code args[0]} runs (default 5), printed beside the figures measured before this
 * work and the goals. The machine's load average is printed with them: on a busy machine, wall times grow with
 * it, CPU times much less.
 */
public final class StartupBench {
    private static final Path JAR = Path.of("target/plumbline.jar").toAbsolutePath();
    private static final Path CDS = JAR.resolveSibling("cds");

    private StartupBench() {
    }

    /** One way of starting Plumbline: a command line before the subcommand, and extra environment. */
    private record Launch(String name, List<String> command, Map<String, String> env) {
    }

    /** What one serve start measured. */
    private record Start(long millis, long cpuMillis, long rssKib) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run scripts/bench, which builds it");
        }
        buildArchivesIfStale();
        String launcher = Path.of("bin/plumbline").toAbsolutePath().toString();
        List<Launch> launches = List.of(
                new Launch("bin/plumbline, AppCDS", List.of(launcher), Map.of()),
                new Launch("bin/plumbline, no CDS", List.of(launcher), Map.of("PLUMBLINE_CDS", "off")),
                new Launch("java -jar", List.of("java", "-jar", JAR.toString()), Map.of()));
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        List<String> report = new ArrayList<>();
        for (Launch launch : launches) {
            List<Start> starts = new ArrayList<>();
            List<Long> validate = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                starts.add(serve(launch));
                validate.add(validate(launch));
            }
            report.add(String.format("%s:%n"
                            + "  serve -> /health/liveness: median %d ms (runs %s), CPU %d ms; last quiet run with AppCDS: 806 ms; first: 3100-3500 ms; goal < 1000 ms%n"
                            + "  RSS when live: median %d MiB (runs %s); last quiet run with AppCDS: 177 MiB; first: 295-325 MiB; goal < 200 MiB%n"
                            + "  validate example-repo: median %d ms wall (runs %s); last quiet run with AppCDS: 421 ms; first: 1500-2000 ms; goal < 800 ms",
                    launch.name(), median(starts.stream().map(Start::millis).toList()),
                    starts.stream().map(Start::millis).toList(), median(starts.stream().map(Start::cpuMillis).toList()),
                    median(starts.stream().map(Start::rssKib).toList()) / 1024,
                    starts.stream().map(s -> s.rssKib() / 1024).toList(), median(validate), validate));
        }
        // The JVM alone, in the same conditions: the floor every figure above stands on.
        List<Long> jvm = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            jvm.add(wall(new ProcessBuilder("java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-version")));
        }
        System.out.printf("%d cores; load average before: %s, after: %s%n", Runtime.getRuntime().availableProcessors(),
                loadBefore, Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.printf("the JVM alone (java -version, as bin/plumbline starts it): median %d ms (runs %s)%n",
                median(jvm), jvm);
        report.forEach(System.out::println);
    }

    private static void buildArchivesIfStale() throws Exception {
        long jar = Files.getLastModifiedTime(JAR).toMillis();
        for (String archive : List.of("serve.jsa", "cli.jsa")) {
            Path file = CDS.resolve(archive);
            if (!Files.isRegularFile(file) || Files.getLastModifiedTime(file).toMillis() <= jar) {
                System.out.println("building the AppCDS archives: scripts/cds");
                Process cds = new ProcessBuilder("scripts/cds").inheritIO().start();
                if (cds.waitFor() != 0) {
                    throw new IllegalStateException("scripts/cds failed");
                }
                return;
            }
        }
    }

    private static Start serve(Launch launch) throws Exception {
        Path tmp = Files.createTempDirectory("plumbline-startup");
        try (TestRepo repo = TestRepo.withExampleRepo(tmp)) {
            int port = Ports.free();
            List<String> command = new ArrayList<>(launch.command());
            command.addAll(List.of("serve", "--repo", repo.url(), "--port", String.valueOf(port)));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("service.log").toFile()).directory(tmp.toFile());
            builder.environment().putAll(launch.env());
            // The first reconciles start while we measure: keep them on 127.0.0.1, whatever this shell holds.
            int closed = Ports.free();
            builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "bench", "AWS_SECRET_ACCESS_KEY", "bench",
                    "PLUMBLINE_AWS_ENDPOINT", "http://127.0.0.1:" + closed,
                    "PLUMBLINE_KUBERNETES_KUBECONFIG", tmp.resolve("no-kubeconfig").toString(),
                    "PLUMBLINE_HAPROXY_ROOT", tmp.toString()));
            long t0 = System.nanoTime();
            Process service = builder.start();
            try {
                awaitLive(port, service);
                long millis = (System.nanoTime() - t0) / 1_000_000;
                return new Start(millis, ProcessStats.cpuMillis(service.pid()), ProcessStats.rssKib(service.pid()));
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    private static long validate(Launch launch) throws Exception {
        List<String> command = new ArrayList<>(launch.command());
        command.addAll(List.of("validate", "--repo", "example-repo"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(launch.env());
        return wall(builder);
    }

    /** The wall time of a command that must succeed, in milliseconds. */
    private static long wall(ProcessBuilder builder) throws Exception {
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long t0 = System.nanoTime();
        if (builder.start().waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", builder.command()) + " failed");
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void awaitLive(int port, Process service) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest live = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/liveness")).build();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline && service.isAlive()) {
            try {
                if (http.send(live, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the service did not become live; see its service.log");
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
