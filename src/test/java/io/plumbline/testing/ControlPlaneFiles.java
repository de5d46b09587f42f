package io.plumbline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The files a loopback control plane starts from, made in one folder: a certificate authority and the API
 * server's serving certificate (openssl), the service-account key pair, a token for the one user (in
 * {@code system:masters}) that every component and test uses, its kubeconfig, and two audit policies that record
 * requests' metadata only: of every request, or of those made as a service account.
 */
final class ControlPlaneFiles {
    static final String AUDIT_EVERY_REQUEST = "audit-policy.yaml";
    static final String AUDIT_SERVICE_ACCOUNTS = "audit-policy-service-accounts.yaml";
    final Path dir;
    final String token = UUID.randomUUID().toString();

    ControlPlaneFiles(Path dir) {
        this.dir = dir;
    }

    Path path(String name) {
        return dir.resolve(name);
    }

    void write(int apiPort) throws IOException {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "3650", "-subj", "/CN=plumbline-test-ca",
                "-keyout", "ca.key", "-out", "ca.crt");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=kube-apiserver", "-keyout", "apiserver.key",
                "-out", "apiserver.csr");
        Files.writeString(path("apiserver.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,"
                + "DNS:kubernetes.default,DNS:kubernetes.default.svc\n");
        openssl("x509", "-req", "-in", "apiserver.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "3650", "-extfile", "apiserver.ext", "-out", "apiserver.crt");
        openssl("genrsa", "-out", "sa.key", "2048");
        openssl("rsa", "-in", "sa.key", "-pubout", "-out", "sa.pub");
        Files.writeString(path("tokens.csv"), token + ",admin,admin,system:masters\n");
        Files.writeString(path(AUDIT_EVERY_REQUEST), """
                apiVersion: audit.k8s.io/v1
                kind: Policy
                omitStages: [RequestReceived]
                rules: [{level: Metadata}]
                """);
        Files.writeString(path(AUDIT_SERVICE_ACCOUNTS), """
                apiVersion: audit.k8s.io/v1
                kind: Policy
                omitStages: [RequestReceived]
                rules: [{level: Metadata, userGroups: ["system:serviceaccounts"]}, {level: None}]
                """);
        Files.writeString(path("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: loopback, cluster: {server: "https://127.0.0.1:%d", certificate-authority: "%s"}}]
                contexts: [{name: loopback, context: {cluster: loopback, user: admin}}]
                current-context: loopback
                users: [{name: admin, user: {token: "%s"}}]
                """.formatted(apiPort, path("ca.crt"), token));
    }

    private void openssl(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(path("openssl.log").toFile()).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("openssl " + String.join(" ", args) + " failed: "
                        + Files.readString(path("openssl.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }

    /** The one node kwok plays: big enough for every test's pods, untainted, marked for kwok. */
    static String node() {
        return """
                {"apiVersion": "v1", "kind": "Node",
                 "metadata": {"name": "kwok-node-0",
                   "annotations": {"kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0"},
                   "labels": {"kubernetes.io/hostname": "kwok-node-0", "type": "kwok"}},
                 "status": {"allocatable": {"cpu": "64", "memory": "256Gi", "pods": "2000"},
                   "capacity": {"cpu": "64", "memory": "256Gi", "pods": "2000"},
                   "nodeInfo": {"kubeletVersion": "fake", "architecture": "amd64", "operatingSystem": "linux"}}}
                """;
    }
}
