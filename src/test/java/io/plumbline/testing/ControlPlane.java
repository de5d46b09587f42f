package io.plumbline.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Kubernetes control plane on 127.0.0.1, the Kubernetes peer of the tests: etcd, kube-apiserver,
 * kube-controller-manager, kube-scheduler and kwok (which plays one node, so Deployments get Ready pods), each on
 * a free port. The binaries come from {@code scripts/kube-peer-build}, found through {@code PLUMBLINE_KUBE_PEER}
 * (set by {@code scripts/setup}) or the build's default cache folder.
 *
 * <p>Tests share one plane per JVM ({@link #shared()}), started on first use and stopped when the JVM exits;
 * each test works in its own namespace ({@link #uniqueNamespace()}), so tests never see each other's objects.
 */
public final class ControlPlane implements AutoCloseable {
    public static final String VERSION = "v1.34.2";
    private static final String DEFAULT_PEER = ".cache/plumbline/kubernetes-" + VERSION + "-kwok-v0.8.0";
    private static ControlPlane shared;

    private final Path home;
    private final ControlPlaneFiles files;
    private final List<Process> processes = new ArrayList<>();
    /** The audit policy's file, or null for no audit log. */
    private final String auditPolicy;
    private KubernetesClient client;
    private Path etcdData;

    private ControlPlane(Path home, Path dir, String auditPolicy) {
        this.home = home;
        this.files = new ControlPlaneFiles(dir);
        this.auditPolicy = auditPolicy;
    }

    /**
     * The plane every test of this JVM uses; started on the first call (about 10 to 15 seconds). Its audit log
     * ({@link #auditLog()}) holds the requests made as a service account ({@link #kubeconfigAs}), and only those: no
     * component of the plane acts as one, so the log stays as small as the tests that use one.
     */
    public static synchronized ControlPlane shared() {
        if (shared == null) {
            ControlPlane plane = start(ControlPlaneFiles.AUDIT_SERVICE_ACCOUNTS);
            Runtime.getRuntime().addShutdownHook(new Thread(plane::close, "control-plane-stop"));
            shared = plane;
        }
        return shared;
    }

    /**
     * A plane of its own, for a benchmark.
     *
     * @param audit whether the API server writes an audit log ({@link #auditLog()}) with one line per request
     */
    public static ControlPlane start(boolean audit) {
        return start(audit ? ControlPlaneFiles.AUDIT_EVERY_REQUEST : null);
    }

    private static ControlPlane start(String auditPolicy) {
        Path home = peerHome();
        try {
            ControlPlane plane = new ControlPlane(home, Files.createTempDirectory("plumbline-kube-"), auditPolicy);
            plane.boot();
            return plane;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kubernetes control plane", e);
        }
    }

    /** Whether the binaries are built, so a demo can use the plane instead of a stand-in. */
    public static boolean available() {
        Path home = candidateHome();
        return Stream.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "kwok")
                .allMatch(t -> Files.isExecutable(home.resolve("bin").resolve(t)));
    }

    private static Path candidateHome() {
        String fromEnv = System.getenv("PLUMBLINE_KUBE_PEER");
        return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv)
                : Path.of(System.getProperty("user.home")).resolve(DEFAULT_PEER);
    }

    private static Path peerHome() {
        if (!available()) {
            throw new IllegalStateException("the Kubernetes peer is not built in " + candidateHome()
                    + ": run scripts/kube-peer-build (about 25 minutes once per machine; scripts/test runs it)");
        }
        return candidateHome();
    }

    private void boot() throws IOException {
        int etcdPort = Ports.free();
        int apiPort = Ports.free();
        files.write(apiPort);
        etcdData = Files.createTempDirectory(Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm")
                : files.dir, "plumbline-etcd-");
        String etcdUrl = "http://127.0.0.1:" + etcdPort;
        int peerPort = Ports.free();
        run("etcd", List.of("etcd", "--data-dir", etcdData.toString(), "--name", "test",
                "--listen-client-urls", etcdUrl, "--advertise-client-urls", etcdUrl,
                "--listen-peer-urls", "http://127.0.0.1:" + peerPort,
                "--initial-advertise-peer-urls", "http://127.0.0.1:" + peerPort,
                "--initial-cluster", "test=http://127.0.0.1:" + peerPort, "--log-level", "warn"));
        List<String> apiserver = new ArrayList<>(List.of(bin("kube-apiserver"), "--etcd-servers", etcdUrl,
                "--bind-address", "127.0.0.1", "--advertise-address", "127.0.0.1",
                "--secure-port", String.valueOf(apiPort), "--endpoint-reconciler-type", "none",
                "--tls-cert-file", files.path("apiserver.crt").toString(),
                "--tls-private-key-file", files.path("apiserver.key").toString(),
                "--client-ca-file", files.path("ca.crt").toString(),
                "--token-auth-file", files.path("tokens.csv").toString(), "--authorization-mode", "RBAC",
                "--service-account-issuer", "https://kubernetes.default.svc",
                "--service-account-key-file", files.path("sa.pub").toString(),
                "--service-account-signing-key-file", files.path("sa.key").toString(),
                "--service-cluster-ip-range", "10.96.0.0/16", "--cert-dir", files.dir.toString(),
                "--enable-priority-and-fairness=false", "--profiling=false",
                // Streaming list-watch needs etcd's progress notifications, which Debian's etcd 3.4 lacks; offered
                // anyway, clients start it, lose it, and see new pods only after a backoff. Refused, they list.
                "--feature-gates=WatchList=false"));
        if (auditPolicy != null) {
            apiserver.addAll(List.of("--audit-policy-file", files.path(auditPolicy).toString(),
                    "--audit-log-path", auditLog().toString(), "--audit-log-mode", "blocking"));
        }
        run("kube-apiserver", apiserver);
        String kubeconfig = kubeconfig().toString();
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null, Files.readString(kubeconfig()),
                kubeconfig)).build();
        await("kube-apiserver ready").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> alive() && "ok".equals(client.raw("/readyz")));
        run("kube-controller-manager", List.of(bin("kube-controller-manager"), "--kubeconfig", kubeconfig,
                "--leader-elect=false", "--secure-port=0", "--use-service-account-credentials=false",
                "--service-account-private-key-file", files.path("sa.key").toString(),
                "--root-ca-file", files.path("ca.crt").toString(), "--concurrent-deployment-syncs=10",
                "--concurrent-replicaset-syncs=10", "--node-monitor-grace-period=60s", "--profiling=false"));
        run("kube-scheduler", List.of(bin("kube-scheduler"), "--kubeconfig", kubeconfig, "--leader-elect=false",
                "--secure-port=0", "--profiling=false"));
        // The heartbeat stage updates the node's status only every ten minutes and leaves liveness to a node
        // Lease, which kwok renews only when given a lease duration. Without one the node lifecycle controller
        // finds the node silent after its grace period, marks it NotReady and every pod on it Ready=False, and
        // kwok never marks them ready again: Deployments rolled out then stay unavailable.
        List<String> kwok = new ArrayList<>(List.of(bin("kwok"), "--kubeconfig", kubeconfig,
                "--manage-all-nodes=false", "--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake",
                "--node-lease-duration-seconds=40"));
        try (Stream<Path> stages = Files.list(home.resolve("stages"))) {
            stages.filter(s -> s.toString().endsWith(".yaml")).sorted()
                    .forEach(s -> kwok.addAll(List.of("--config", s.toString())));
        }
        run("kwok", kwok);
        client.resource(client.getKubernetesSerialization().unmarshal(ControlPlaneFiles.node(), Node.class)).create();
        await("the kwok node ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> alive() && client.nodes().withName("kwok-node-0").get().getStatus().getConditions()
                        .stream().anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True")));
        await("the kwok node's lease").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> alive() && client.leases().inNamespace("kube-node-lease").withName("kwok-node-0")
                        .get() != null);
    }

    private String bin(String tool) {
        return home.resolve("bin").resolve(tool).toString();
    }

    /** The path of a built tool beside the plane's binaries ({@code kubectl}). */
    public Path tool(String name) {
        return home.resolve("bin").resolve(name);
    }

    private void run(String name, List<String> command) throws IOException {
        Path log = files.path(name + ".log");
        processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
    }

    private boolean alive() throws IOException {
        for (int i = 0; i < processes.size(); i++) {
            if (!processes.get(i).isAlive()) {
                throw new IllegalStateException("a control plane process exited; its logs are in " + files.dir
                        + ": " + processes.get(i).info().command().orElse("?"));
            }
        }
        return true;
    }

    /** A client with full rights; shared, not to be closed by tests. */
    public KubernetesClient client() {
        return client;
    }

    /** A kubeconfig for this plane, as a user's would point at a cluster. */
    public Path kubeconfig() {
        return files.path("kubeconfig");
    }

    /**
     * One JSON line per API request and stage, metadata only: every request on a plane started with {@code audit},
     * those made as a service account on the {@link #shared()} one; absent until the first.
     */
    public Path auditLog() {
        return files.path("audit.log");
    }

    /**
     * A kubeconfig that authenticates as the service account, with a token the API server issues for it (valid an
     * hour): its requests are authorized by its RBAC alone and recorded in the shared plane's audit log.
     */
    public Path kubeconfigAs(String namespace, String serviceAccount) {
        TokenRequest request = client.serviceAccounts().inNamespace(namespace).withName(serviceAccount).tokenRequest(
                new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build());
        try {
            Path kubeconfig = files.path("kubeconfig-" + namespace + "-" + serviceAccount);
            Files.writeString(kubeconfig, Files.readString(kubeconfig()).replace(files.token,
                    request.getStatus().getToken()));
            return kubeconfig;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes the namespaces Plumbline made for {@code environment} (and so everything in them) and waits until
     * they are gone, so a test class that follows with the same environment starts from an empty cluster.
     */
    public void deleteNamespacesOf(String environment) {
        var marked = client.namespaces().withLabel("app.kubernetes.io/managed-by", "plumbline").list().getItems()
                .stream().filter(n -> n.getMetadata().getAnnotations() != null
                        && environment.equals(n.getMetadata().getAnnotations().get("plumbline.io/environment")))
                .toList();
        marked.forEach(n -> client.namespaces().withName(n.getMetadata().getName()).delete());
        await("namespaces of " + environment + " gone").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250)).until(() -> marked.stream()
                        .allMatch(n -> client.namespaces().withName(n.getMetadata().getName()).get() == null));
    }

    /** A fresh namespace name (not created): a test declares it in its environment, or creates it. */
    public static String uniqueNamespace() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        // the last started stops first, etcd last
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        for (Path dir : etcdData == null ? List.of(files.dir) : List.of(etcdData, files.dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind is no reason to fail a test run
            }
        }
    }
}
