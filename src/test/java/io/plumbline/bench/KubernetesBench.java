package io.plumbline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.RawManifest;
import io.plumbline.model.Resource;
import io.plumbline.provider.kubernetes.KubernetesOptions;
import io.plumbline.provider.kubernetes.KubernetesProvider;
import io.plumbline.render.kubernetes.KubernetesRenderer;
import io.plumbline.render.kubernetes.TestEnvironments;
import io.plumbline.testing.ControlPlane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Plumbline against {@code kubectl apply --server-side}, side by side on one real control plane (started here,
 * with an audit log): a first apply of 1,000 objects (20 namespaces, each with 12 applications of a Deployment,
 * Service, Ingress and HorizontalPodAutoscaler, and a ConfigMap), a no-op, and a change of one image; for the
 * no-op also {@code kubectl diff --server-side}. Prints wall time and the API requests the server answered for
 * each. Not a test: it prints figures. Run with {@code scripts/bench Kubernetes}.
 */
public final class KubernetesBench {
    private static final int NAMESPACES = 20;
    private static final int APPS_PER_NAMESPACE = 12;
    private static final String FABRIC8 = "fabric8-kubernetes-client";
    private static final String KUBECTL = "kubectl";

    private KubernetesBench() {
    }

    public static void main(String[] args) throws Exception {
        try (ControlPlane plane = ControlPlane.start(true)) {
            AuditLog audit = new AuditLog(plane.auditLog());
            System.out.printf("%d objects per side, API server %s on 127.0.0.1%n",
                    new KubernetesRenderer().render(environment("pl", "v1")).size(), ControlPlane.VERSION);
            plumbline(plane, audit);
            kubectl(plane, audit);
        }
    }

    private static void plumbline(ControlPlane plane, AuditLog audit) {
        try (KubernetesProvider provider = new KubernetesProvider(plane.client(), KubernetesOptions.DEFAULT);
             KubernetesProvider watching = new KubernetesProvider(plane.client(),
                     KubernetesOptions.DEFAULT.withWatch(true))) {
            LoadedEnvironment env = environment("pl", "v1");
            LoadedEnvironment changed = environment("pl", "v1", "app-07-03");
            measure(audit, FABRIC8, "plumbline first apply", () -> reconcile(provider, env));
            measure(audit, FABRIC8, "plumbline no-op", () -> reconcile(provider, env));
            measure(audit, FABRIC8, "plumbline one change", () -> reconcile(provider, changed));
            reconcile(watching, changed);
            measure(audit, FABRIC8, "plumbline no-op, watch cache", () -> reconcile(watching, changed));
        }
    }

    private static void kubectl(ControlPlane plane, AuditLog audit) throws IOException {
        Path dir = Files.createTempDirectory("plumbline-bench-kubectl");
        write(dir, environment("kc", "v1"));
        String kubectl = plane.tool("kubectl").toString();
        String kubeconfig = plane.kubeconfig().toString();
        List<String> apply = List.of(kubectl, "--kubeconfig", kubeconfig, "apply", "--server-side",
                "--field-manager", "kubectl-bench", "-R", "-f", dir.toString());
        List<String> diff = List.of(kubectl, "--kubeconfig", kubeconfig, "diff", "--server-side",
                "--field-manager", "kubectl-bench", "-R", "-f", dir.toString());
        measure(audit, KUBECTL, "kubectl apply --server-side, first", () -> run(apply));
        measure(audit, KUBECTL, "kubectl apply --server-side, no-op", () -> run(apply));
        measure(audit, KUBECTL, "kubectl diff --server-side, no-op", () -> run(diff));
        write(dir, environment("kc", "v1", "app-07-03"));
        measure(audit, KUBECTL, "kubectl apply --server-side, one change", () -> run(apply));
    }

    private static void measure(AuditLog audit, String agent, String name, Runnable step) {
        audit.mark();
        long start = System.nanoTime();
        step.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%-42s %7d ms %7d API requests%n", name, millis, audit.since(agent));
    }

    private static void reconcile(KubernetesProvider provider, LoadedEnvironment env) {
        List<Resource> desired = provider.render(env);
        ChangeSet plan = provider.diff(env, desired, provider.observe(env, desired));
        provider.apply(env, plan);
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            // kubectl diff exits 1 when it finds differences; anything above is an error
            if (p.exitValue() > 1) {
                throw new IllegalStateException("exit " + p.exitValue() + ": " + command);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The same objects Plumbline applies, as files for kubectl: namespaces first. */
    private static void write(Path dir, LoadedEnvironment env) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Resource> objects = new KubernetesRenderer().render(env);
        StringBuilder namespaces = new StringBuilder();
        StringBuilder rest = new StringBuilder();
        for (Resource r : objects) {
            StringBuilder to = r.key().kind().equals("v1/Namespace") ? namespaces : rest;
            to.append(yaml.writeValueAsString(r.body()));
        }
        Files.writeString(dir.resolve("0-namespaces.yaml"), namespaces);
        Files.writeString(dir.resolve("1-objects.yaml"), rest);
    }

    /** Every application at {@code version}, except {@code changed} (if given), which runs v2. */
    private static LoadedEnvironment environment(String side, String version, String... changed) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: bench-%s}
                spec:
                  sync: {prune: true}
                  kubernetes:
                    namespaces: [""".formatted(side));
        List<RawManifest> manifests = new ArrayList<>();
        for (int n = 0; n < NAMESPACES; n++) {
            yaml.append(n == 0 ? "" : ", ").append(namespace(side, n));
            manifests.add(new RawManifest("manifests/settings.yaml", 1 + 6 * n, Map.of("apiVersion", "v1",
                    "kind", "ConfigMap", "metadata", Map.of("name", "settings", "namespace", namespace(side, n)),
                    "data", Map.of("LOG_LEVEL", "info"))));
        }
        yaml.append("]\n    applications:\n");
        for (int n = 0; n < NAMESPACES; n++) {
            for (int a = 0; a < APPS_PER_NAMESPACE; a++) {
                String app = String.format("app-%02d-%02d", n, a);
                String tag = List.of(changed).contains(app) ? "v2" : version;
                yaml.append(String.format("""
                              - name: %s
                                namespace: %s
                                image: "example/%s:%s"
                                replicas: 1
                                port: 8000
                                env: {LOG_FORMAT: json}
                                resources: {requests: {cpu: 10m, memory: 64M}, limits: {cpu: "1", memory: 128Mi}}
                                probes: {readiness: {http: /healthz, period: 10s}}
                                expose: {type: ClusterIP, port: 80}
                                ingress: {host: %s.example.com}
                                autoscale: {min: 1, max: 6, cpuPercent: 60}
                        """, app, namespace(side, n), app, tag, app));
            }
        }
        return TestEnvironments.of("environments/bench.yaml", yaml.toString(), manifests);
    }

    private static String namespace(String side, int n) {
        return String.format("%s-team-%02d", side, n);
    }
}
