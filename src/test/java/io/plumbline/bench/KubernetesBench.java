package io.plumbline.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.RawManifest;
import io.plumbline.model.Resource;
import io.plumbline.provider.kubernetes.ApiCalls;
import io.plumbline.provider.kubernetes.KubernetesOptions;
import io.plumbline.provider.kubernetes.KubernetesProvider;
import io.plumbline.render.kubernetes.TestEnvironments;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reconciles an environment of 1,000 Kubernetes objects in 20 namespaces against fabric8's mock API server and
 * prints the API calls and wall time of a first apply, a no-op reconcile and a one-object change, and the peak
 * heap. Not a test: it prints figures.
 */
public final class KubernetesBench {
    private static final int NAMESPACES = 20;
    private static final int APPS_PER_NAMESPACE = 12;

    private KubernetesBench() {
    }

    /** Held so the setting is not collected with the logger: the mock server logs every request. */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    public static void main(String[] args) {
        MOCK_LOG.setLevel(Level.WARNING);
        resetPeaks();
        bench("list per reconcile", KubernetesOptions.DEFAULT);
        bench("watch cache", KubernetesOptions.DEFAULT.withWatch(true));
        System.out.printf("peak heap: %.1f MiB (provider, client and mock server in one JVM)%n",
                peakHeap() / (1024.0 * 1024.0));
    }

    private static void bench(String mode, KubernetesOptions options) {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        try (KubernetesClient client = server.createClient();
             KubernetesProvider provider = new KubernetesProvider(client, options)) {
            LoadedEnvironment env = environment("v1");
            System.out.printf("%s: %d objects in %d namespaces%n", mode, provider.render(env).size(), NAMESPACES);
            run("first apply", provider, server, env);
            run("no-op reconcile", provider, server, env);
            run("no-op reconcile (again)", provider, server, env);
            run("one-object change", provider, server, environment("v1", "app-07-03"));
            run("no-op after the change", provider, server, environment("v1", "app-07-03"));
        } finally {
            server.destroy();
        }
    }

    private static void run(String name, KubernetesProvider provider, KubernetesMockServer server, LoadedEnvironment env) {
        ApiCalls.Counts before = provider.apiCalls();
        int requestsBefore = server.getRequestCount();
        long start = System.nanoTime();
        List<Resource> desired = provider.render(env);
        ChangeSet plan = provider.diff(env, desired, provider.observe(env, desired));
        List<ObjectResult> results = provider.apply(env, plan);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<ObjectResult.Result, Long> byResult = new HashMap<>();
        results.forEach(r -> byResult.merge(r.result(), 1L, Long::sum));
        System.out.printf("%-24s %6d ms  calls: %s (server saw %d requests)  results: %s%n", name, millis,
                provider.apiCalls().minus(before), server.getRequestCount() - requestsBefore, byResult);
    }

    /** Every application at {@code version}, except {@code changed} (if given), which runs v2. */
    private static LoadedEnvironment environment(String version, String... changed) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: bench}
                spec:
                  sync: {prune: true}
                  kubernetes:
                    namespaces: [""");
        List<RawManifest> manifests = new ArrayList<>();
        for (int n = 0; n < NAMESPACES; n++) {
            yaml.append(n == 0 ? "" : ", ").append(namespace(n));
            manifests.add(new RawManifest("manifests/settings.yaml", 1 + 6 * n, Map.of("apiVersion", "v1",
                    "kind", "ConfigMap", "metadata", Map.of("name", "settings", "namespace", namespace(n)),
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
                                replicas: 2
                                port: 8000
                                env: {LOG_FORMAT: json}
                                resources: {requests: {cpu: 100m, memory: 64M}, limits: {cpu: "1", memory: 128Mi}}
                                probes: {readiness: {http: /healthz, period: 10s}}
                                expose: {type: ClusterIP, port: 80}
                                ingress: {host: %s.example.com}
                                autoscale: {min: 2, max: 6, cpuPercent: 60}
                        """, app, namespace(n), app, tag, app));
            }
        }
        return TestEnvironments.of("environments/bench.yaml", yaml.toString(), manifests);
    }

    private static String namespace(int n) {
        return String.format("team-%02d", n);
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
