package io.plumbline.deploy;

import static io.plumbline.testing.Kustomize.at;
import static io.plumbline.testing.Kustomize.one;
import static io.plumbline.testing.Podman.podman;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.cli.Main;
import io.plumbline.provider.aws.MotoServer;
import io.plumbline.provider.aws.TestClients;
import io.plumbline.testing.ControlPlane;
import io.plumbline.testing.Kustomize;
import io.plumbline.testing.Podman;
import io.plumbline.testing.Ports;
import io.plumbline.testing.TestRepo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image itself, built from this checkout by {@code scripts/image} and run by podman as a cluster runs
 * it: its own user, a read-only root, no capabilities, volumes for the state and the Git cache only. Skipped, saying
 * why, where podman cannot run.
 */
class ImageIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String image;

    @TempDir
    Path tmp;
    private final List<String> containers = new ArrayList<>();

    @BeforeAll
    static void build() throws Exception {
        Podman.assumeRunnable();
        image = Podman.image();
    }

    @AfterEach
    void remove() throws Exception {
        for (String name : containers) {
            podman("rm", "--force", "--time", "0", name);
        }
    }

    @Test
    void servesLiveFromItsArchiveAsItsOwnUserOnAReadOnlyRootWithoutCapabilities() throws Exception {
        try (TestRepo repo = TestRepo.withExampleRepo(tmp.resolve("repo"))) {
            Podman.readable(repo.dir());
            Path scratch = Podman.shared(tmp.resolve("tmp"));
            int port = Ports.free();
            // Every loaded class with where it came from: the archive's classes say "source: shared objects file".
            String name = serve(port, repo.dir(), Map.of("/tmp", scratch), Map.of("PLUMBLINE_JAVA_OPTS",
                    "-Xlog:class+load=info:file=/tmp/classes.log", "PLUMBLINE_AWS_ENDPOINT", "http://127.0.0.1:9"));
            await().atMost(Duration.ofSeconds(60)).until(() -> status(port, "/health/liveness") == 200);

            assertThat(Files.readString(scratch.resolve("classes.log")))
                    .contains("io.plumbline.cli.ServeCommand source: shared objects file")
                    .contains("io.plumbline.http.LivenessController source: shared objects file");
            // The image's own user (no --user given), and no capability left, effective or bounding.
            String status = podman("exec", name, "cat", "/proc/1/status").out();
            assertThat(status).containsPattern("(?m)^Uid:\\s+10001\\s+10001\\s+10001\\s+10001$")
                    .containsPattern("(?m)^CapEff:\\s+0+$").containsPattern("(?m)^CapBnd:\\s+0+$");
            assertThat(podman("exec", name, "touch", "/opt/plumbline/written").err()).contains("Read-only file system");
            assertThat(podman("exec", name, "touch", "/var/lib/plumbline/written").err())
                    .contains("Read-only file system");
            assertThat(podman("exec", name, "touch", "/var/lib/plumbline/state/written").code()).isZero();
        }
    }

    @Test
    void validateOnAMountedRepositoryAnswersAsOnTheHost() throws Exception {
        Path repo = tmp.resolve("repo");
        copy(Path.of("example-repo"), repo);
        Podman.readable(repo);
        assertSameAsHost(repo, 0);

        Path staging = repo.resolve("environments/staging.yaml");
        Files.writeString(staging, Files.readString(staging).replace("interval: 1m", "interval: often"));
        Podman.readable(repo);
        assertSameAsHost(repo, 2);
    }

    @Test
    void serveReconcilesAgainstTheRealPeersAndStopsOnSigtermKeepingItsHistory() throws Exception {
        ControlPlane plane = ControlPlane.shared();
        String namespace = ControlPlane.uniqueNamespace();
        String ecr = "image-" + UUID.randomUUID().toString().substring(0, 8);
        String environment = """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: imagetest}
                spec:
                  aws:
                    region: us-west-2
                    accountId: "%s"
                    ecr:
                      repositories:
                        - {name: %s}
                  kubernetes:
                    namespaces: [%s]
                """.formatted(MotoServer.ACCOUNT, ecr, namespace);
        try (TestRepo repo = TestRepo.withFiles(tmp.resolve("repo"), Map.of("environments/imagetest.yaml",
                environment))) {
            Podman.readable(repo.dir());
            Path kube = Podman.shared(tmp.resolve("kube"));
            Files.writeString(kube.resolve("config"), selfContained(plane.kubeconfig()));
            Podman.readable(kube);
            Path state = Podman.shared(tmp.resolve("state"));
            int port = Ports.free();
            String name = serve(port, repo.dir(), Map.of("/kube", kube, "/var/lib/plumbline/state", state), Map.of(
                    "PLUMBLINE_AWS_ENDPOINT", MOTO.endpoint().toString(),
                    "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing", "AWS_REGION", "us-west-2",
                    "PLUMBLINE_KUBERNETES_KUBECONFIG", "/kube/config"));

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> metric(port, "plumbline_reconcile_total{environment=\"imagetest\",result=\"success\"}")
                            >= 1);
            assertThat(plane.client().namespaces().withName(namespace).get().getMetadata().getAnnotations())
                    .containsEntry("plumbline.io/environment", "imagetest");
            try (var aws = TestClients.create(MOTO.connection())) {
                assertThat(aws.ecr().describeRepositories(r -> r.repositoryNames(ecr)).repositories()).hasSize(1);
            }

            // SIGTERM, then SIGKILL only after the grace period: exit 143 is the JVM ending on SIGTERM, 137 a kill.
            Podman.Result stopped = podman("stop", "--time", "75", name);
            assertThat(stopped.code()).as(stopped.err()).isZero();
            assertThat(podman("inspect", "--format", "{{.State.ExitCode}}", name).out().strip()).isEqualTo("143");
            assertThat(Files.readString(state.resolve("history/imagetest.json"))).contains(repo.head());
        } finally {
            plane.deleteNamespacesOf("imagetest");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theKustomizePodTemplateRunsTheImageWithItsOwnSettings() throws Exception {
        List<Map<String, Object>> objects = Kustomize.render(ControlPlane.shared(),
                Path.of("deploy/kubernetes/overlays/single"));
        Map<String, Object> pod = (Map<String, Object>) at(one(objects, "Deployment"), "spec", "template", "spec");
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        Map<String, Object> podSecurity = (Map<String, Object>) pod.get("securityContext");
        Map<String, Object> security = (Map<String, Object>) container.get("securityContext");
        String user = String.valueOf(podSecurity.get("runAsUser"));
        assertThat(podman("image", "inspect", "--format", "{{.Config.User}}", image).out().strip()).isEqualTo(user);

        try (TestRepo repo = TestRepo.withExampleRepo(tmp.resolve("repo"))) {
            Podman.readable(repo.dir());
            String name = "plumbline-test-" + UUID.randomUUID().toString().substring(0, 8);
            List<String> run = new ArrayList<>(List.of("run", "--detach", "--name", name, "--user", user,
                    "--group-add", String.valueOf(podSecurity.get("fsGroup")), "-v", repo.dir() + ":/repo:ro"));
            run.addAll(Podman.RUN);
            if (Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
                run.add("--read-only");
            }
            if (Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
                run.addAll(List.of("--security-opt", "no-new-privileges"));
            }
            for (Object drop : (List<Object>) at(security, "capabilities", "drop")) {
                run.addAll(List.of("--cap-drop", String.valueOf(drop)));
            }
            // Every volume of the template is an emptyDir: an empty folder of the pod's user and group.
            Map<String, Map<String, Object>> volumes = new HashMap<>();
            ((List<Map<String, Object>>) pod.get("volumes")).forEach(v -> volumes.put((String) v.get("name"), v));
            for (Map<String, Object> mount : (List<Map<String, Object>>) container.get("volumeMounts")) {
                assertThat(volumes.get(mount.get("name"))).containsKey("emptyDir");
                run.addAll(List.of("--mount", "type=tmpfs,destination=" + mount.get("mountPath") + ",U=true"));
            }
            Map<String, String> env = new LinkedHashMap<>();
            env.putAll((Map<String, String>) one(objects, "ConfigMap").get("data"));
            for (Map<String, Object> e : (List<Map<String, Object>>) container.get("env")) {
                env.put((String) e.get("name"), e.containsKey("value") ? String.valueOf(e.get("value"))
                        : at(e, "valueFrom", "fieldRef", "fieldPath").equals("metadata.name") ? name : "plumbline");
            }
            // What differs here: the repository is the mounted one, on the host's network the service takes a free
            // port on 127.0.0.1 instead of 8080 on every address, the Secret holds a status token only, and AWS and
            // the status host are closed local ports.
            int port = Ports.free();
            env.put("PLUMBLINE_STATUS_TOKEN", "status-token-of-the-secret");
            env.put("PLUMBLINE_STATUS_API_URL", "http://127.0.0.1:9");
            env.put("PLUMBLINE_GIT_URL", "file:///repo");
            env.put("PLUMBLINE_HTTP_BIND", "127.0.0.1");
            env.put("PLUMBLINE_PORT", String.valueOf(port));
            env.put("PLUMBLINE_AWS_ENDPOINT", "http://127.0.0.1:9");
            env.forEach((k, v) -> run.addAll(List.of("-e", k + "=" + v)));
            run.add(image);
            run.addAll((List<String>) container.get("args"));
            Podman.Result started = podman(run);
            assertThat(started.code()).as(started.err()).isZero();
            containers.add(name);

            String live = (String) at(container, "livenessProbe", "httpGet", "path");
            String ready = (String) at(container, "readinessProbe", "httpGet", "path");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> status(port, live) == 200 && status(port, ready) == 200);
            assertThat(podman("exec", name, "cat", "/proc/1/status").out())
                    .containsPattern("(?m)^Uid:\\s+" + user + "\\s").containsPattern("(?m)^CapEff:\\s+0+$");
        }
    }

    /**
     * The container serving {@code repo} on 127.0.0.1:{@code port}, as the Kubernetes base runs it: the state, the
     * Git cache and /tmp are empty tmpfs folders of the container's user (as emptyDir volumes are the pod's
     * fsGroup's) unless {@code folders} mounts a host folder there (container path to host folder).
     */
    private String serve(int port, Path repo, Map<String, Path> folders, Map<String, String> env) throws Exception {
        String name = "plumbline-test-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> run = new ArrayList<>(List.of("run", "--detach", "--name", name, "--read-only",
                "--cap-drop", "ALL", "--security-opt", "no-new-privileges", "-v", repo + ":/repo:ro",
                "-e", "PLUMBLINE_HTTP_BIND=127.0.0.1", "-e", "PLUMBLINE_PORT=" + port,
                "-e", "PLUMBLINE_GIT_URL=file:///repo", "-e", "PLUMBLINE_POLL_INTERVAL=2s"));
        run.addAll(Podman.RUN);
        for (String folder : List.of("/tmp", "/var/lib/plumbline/state", "/var/lib/plumbline/cache")) {
            run.addAll(folders.containsKey(folder) ? List.of("-v", folders.get(folder) + ":" + folder)
                    : List.of("--mount", "type=tmpfs,destination=" + folder + ",U=true"));
        }
        folders.forEach((folder, host) -> {
            if (!run.contains(host + ":" + folder)) {
                run.addAll(List.of("-v", host + ":" + folder + ":ro"));
            }
        });
        env.forEach((k, v) -> run.addAll(List.of("-e", k + "=" + v)));
        run.add(image);
        Podman.Result started = podman(run);
        assertThat(started.code()).as(started.err()).isZero();
        containers.add(name);
        return name;
    }

    private void assertSameAsHost(Path repo, int code) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int host = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "validate", "--repo",
                repo.toString());
        List<String> run = new ArrayList<>(List.of("run", "--rm", "--read-only", "--cap-drop", "ALL",
                "-v", repo + ":/repo:ro"));
        run.addAll(Podman.RUN);
        run.addAll(List.of(image, "validate", "--repo", "/repo"));
        Podman.Result container = podman(run);
        assertThat(host).isEqualTo(code);
        assertThat(container.code()).as(container.both()).isEqualTo(code);
        assertThat(container.out().lines()).containsExactlyElementsOf(out.toString().lines().toList());
        assertThat(container.err().lines()).containsExactlyElementsOf(err.toString().lines().toList());
    }

    private static int status(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    private static double metric(int port, String series) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** The kubeconfig with its certificate authority inline, so it reads the same inside a container. */
    private static String selfContained(Path kubeconfig) throws Exception {
        String text = Files.readString(kubeconfig);
        Matcher ca = Pattern.compile("certificate-authority: \"([^\"]+)\"").matcher(text);
        assertThat(ca.find()).as(text).isTrue();
        String data = Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(ca.group(1))));
        return text.replace(ca.group(), "certificate-authority-data: \"" + data + "\"");
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
