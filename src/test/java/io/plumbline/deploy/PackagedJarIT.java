package io.plumbline.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.testing.Ports;
import io.plumbline.testing.TestRepo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar starts the service from its index of Micronaut's services and its built-in settings, without
 * walking the jar as a zip file system (the walk cost a quarter of a second of every start). Runs after
 * {@code package} (failsafe), on {@code target/plumbline.jar}.
 */
class PackagedJarIT {
    private static final Path JAR = Path.of("target/plumbline.jar").toAbsolutePath();
    private static final String SERVICES = "META-INF/micronaut/";

    @TempDir
    Path tmp;

    @Test
    void theIndexNamesEveryServiceEntryOfTheJar() throws IOException {
        List<String> entries = new ArrayList<>();
        String index;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(SERVICES) && !n.endsWith("/"))
                    .map(n -> n.substring(SERVICES.length()).replace('/', ' ')).forEach(entries::add);
            try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/plumbline/micronaut-services"))) {
                index = new String(in.readAllBytes());
            }
        }
        assertThat(entries).hasSizeGreaterThan(100);
        assertThat(index.lines()).containsExactlyInAnyOrderElementsOf(entries);
    }

    @Test
    void theServiceStartsReadyWithoutOpeningTheJarAsAFileSystem() throws Exception {
        Path classes = tmp.resolve("classes.log");
        try (TestRepo repo = TestRepo.withExampleRepo(tmp)) {
            int port = Ports.free();
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xlog:class+load=info:file=" + classes, "-jar", JAR.toString(), "serve",
                    "--repo", repo.url(), "--port", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("service.log").toFile())
                    .directory(tmp.toFile());
            // Nothing to reach but 127.0.0.1: the first reconciles fail fast and the service stays up.
            builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                    "PLUMBLINE_AWS_ENDPOINT", "http://127.0.0.1:" + Ports.free(),
                    "PLUMBLINE_KUBERNETES_KUBECONFIG", tmp.resolve("no-kubeconfig").toString(),
                    "PLUMBLINE_HAPROXY_ROOT", tmp.toString()));
            Process service = builder.start();
            try {
                // Ready means the repository was fetched on its branch, which only the built-in settings name.
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                        .until(() -> !service.isAlive() || status(port, "/health/readiness") == 200);
                assertThat(service.isAlive()).as(Files.readString(tmp.resolve("service.log"))).isTrue();
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
        String loaded = Files.readString(classes);
        assertThat(loaded).contains("io.plumbline.app.IndexedServices", "io.plumbline.app.BuiltInSettings")
                .doesNotContain("jdk.nio.zipfs.");
    }

    private static int status(int port, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
