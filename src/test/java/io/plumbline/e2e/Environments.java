package io.plumbline.e2e;

import io.plumbline.provider.haproxy.ProxyHost;
import io.plumbline.provider.haproxy.TestBackends;
import io.plumbline.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The environment the end-to-end tests keep in their repository: every provider, pointed at the peers. */
public final class Environments {
    static final String CONFIG = "/etc/haproxy/haproxy.cfg";
    static final String MASTER = "/run/haproxy/master.sock";
    static final String RUNTIME = "/run/haproxy/admin.sock";
    static final String STATE = "/var/lib/haproxy/server-state";

    private Environments() {
    }

    /** A staging environment file whose {@code spec} is given, indented by two spaces. */
    static String staging(String spec) {
        return "apiVersion: plumbline/v1\nkind: Environment\nmetadata: {name: staging}\nspec:\n" + spec;
    }

    /** A repository holding production as the team keeps it and a staging environment beside it. */
    static TestRepo withStaging(Path parent, Peers peers, String staging) {
        return TestRepo.withFiles(parent, Map.of("environments/production.yaml", production(peers),
                "environments/staging.yaml", staging));
    }

    /**
     * Production with a HAProxy section only: backend {@code app} with server {@code aws} ready and {@code example}
     * in {@code state}, on a proxy host started by {@code ProxyHost}.
     *
     * @param sync  the {@code sync} section's flow mapping, e.g. {@code {mode: auto}}
     * @param hosts the proxy hosts whose agents apply it, or none when the service does
     */
    public static String haproxyOnly(String sync, List<String> hosts, TestBackends backends, String state) {
        return """
                apiVersion: plumbline/v1
                kind: Environment
                metadata: {name: production}
                spec:
                  sync: %s
                  haproxy:
                    config: %s
                    masterSocket: %s
                    runtimeSocket: %s
                    stateFile: %s
                %s    backends:
                      - name: app
                        servers:
                          - {name: aws, address: "%s", state: ready}
                          - {name: example, address: "%s", state: %s}
                """.formatted(sync, ProxyHost.CONFIG, ProxyHost.MASTER, ProxyHost.RUNTIME, ProxyHost.STATE,
                hosts.isEmpty() ? "" : "    hosts: [" + String.join(", ", hosts) + "]\n",
                backends.address("aws"), backends.address("example"), state);
    }

    /** Production as the team keeps it; tests change it with {@code TestRepo.edit}. */
    public static String production(Peers peers) {
        return """
                apiVersion: plumbline/v1
                kind: Environment
                metadata:
                  name: production
                spec:
                  sync: {mode: auto, prune: true, selfHeal: false, driftInterval: 2s, healthTimeout: 20s, maxDeletePercent: 50}
                  aws:
                    region: us-west-2
                    accountId: "123456789012"
                    ecr:
                      repositories:
                        - {name: frontend, tagMutability: IMMUTABLE, scanOnPush: true}
                    autoscaling:
                      groups:
                        - name: hopper-t2-medium-nodes
                          min: 1
                          max: 4
                          desired: 2
                    securityGroups:
                      - name: k8s-master
                        vpc: hopper
                        ingress:
                          - {protocol: tcp, port: 6443, from: "sg:k8s-nodes"}
                  kubernetes:
                    namespaces: [example]
                    applications:
                      - name: frontend
                        namespace: example
                        container: frontend-service
                        image: 123456789012.dkr.ecr.us-west-2.amazonaws.com/frontend:v1.4.2
                        replicas: 2
                        port: 8000
                        expose: {type: ClusterIP, serviceName: frontend-service, port: 80}
                  haproxy:
                    config: %s
                    masterSocket: %s
                    runtimeSocket: %s
                    stateFile: %s
                    frontends:
                      - {name: haproxynode, bind: "127.0.0.1:%d", defaultBackend: backendnodes}
                    backends:
                      - name: backendnodes
                        forwardFor: true
                        healthCheck: {method: GET, path: /health, host: example.com, interval: 1s}
                        servers:
                          - {name: aws, address: "%s", state: ready}
                          - {name: example, address: "%s", state: maint}
                """.formatted(CONFIG, MASTER, RUNTIME, STATE, peers.frontendPort, peers.backends.address("new"),
                peers.backends.address("old"));
    }
}
