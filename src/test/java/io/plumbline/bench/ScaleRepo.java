package io.plumbline.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The generated repository of {@link ScaleBench}: environments {@code env-000}..., each with 50 resources across the
 * three providers. AWS: 5 ECR repositories. Kubernetes: its namespace, 6 applications (a Deployment of one replica
 * and a Service each) and 12 ConfigMaps from a manifest folder (25 objects). HAProxy: its own configuration, one
 * backend of 19 servers (20 objects), for a haproxy of its own under the service's HAProxy root.
 */
final class ScaleRepo {
    static final int ECR_REPOSITORIES = 5;
    static final int APPLICATIONS = 6;
    static final int CONFIG_MAPS = 12;
    static final int SERVERS = 19;
    static final int RESOURCES = ECR_REPOSITORIES + 1 + 2 * APPLICATIONS + CONFIG_MAPS + 1 + SERVERS;

    private ScaleRepo() {
    }

    static String name(int i) {
        return String.format("env-%03d", i);
    }

    static String config(int i) {
        return "/etc/haproxy/" + name(i) + ".cfg";
    }

    static String masterSocket(int i) {
        return "/run/haproxy/" + name(i) + "-master.sock";
    }

    static String runtimeSocket(int i) {
        return "/run/haproxy/" + name(i) + ".sock";
    }

    /** Every file of the repository: {@code count} environments, at {@code version} of their ConfigMaps. */
    static Map<String, String> files(int count, String driftInterval, String backend) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            files.put("environments/" + name(i) + ".yaml", environment(i, driftInterval, backend));
            files.put(manifest(i), configMaps(i, "v1"));
        }
        return files;
    }

    static String manifest(int i) {
        return "manifests/" + name(i) + "/config.yaml";
    }

    static String configMaps(int i, String version) {
        StringJoiner docs = new StringJoiner("---\n");
        for (int c = 0; c < CONFIG_MAPS; c++) {
            docs.add("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: settings-%02d, namespace: %s}
                    data: {version: "%s", feature: "on"}
                    """.formatted(c, name(i), version));
        }
        return docs.toString();
    }

    private static String environment(int i, String driftInterval, String backend) {
        String name = name(i);
        StringBuilder out = new StringBuilder("""
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: %s}
                spec:
                  sync: {mode: auto, prune: true, driftInterval: %s, healthTimeout: 5m}
                  aws:
                    region: us-west-2
                    accountId: "123456789012"
                    ecr:
                      repositories:
                """.formatted(name, driftInterval));
        for (int r = 0; r < ECR_REPOSITORIES; r++) {
            out.append("        - {name: %s-repo-%d, tagMutability: IMMUTABLE, scanOnPush: true}\n".formatted(name, r));
        }
        out.append("  kubernetes:\n    namespaces: [%s]\n    applications:\n".formatted(name));
        for (int a = 0; a < APPLICATIONS; a++) {
            out.append("""
                          - name: app-%d
                            namespace: %s
                            image: registry.example.com/app-%d:v1
                            replicas: 1
                            port: 8000
                            expose: {type: ClusterIP, port: 80}
                    """.formatted(a, name, a));
        }
        out.append("    manifests: [manifests/%s]\n".formatted(name));
        out.append("""
                  haproxy:
                    config: %s
                    masterSocket: %s
                    runtimeSocket: %s
                    backends:
                      - name: pool
                        servers:
                """.formatted(config(i), masterSocket(i), runtimeSocket(i)));
        for (int s = 0; s < SERVERS; s++) {
            out.append("          - {name: s%02d, address: \"%s\", state: ready}\n".formatted(s, backend));
        }
        return out.toString();
    }
}
