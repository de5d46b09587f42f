package io.plumbline.bench;

import io.plumbline.e2e.Environments;
import io.plumbline.e2e.Peers;
import io.plumbline.report.HostApis;
import io.plumbline.report.StatusHostServer;
import io.plumbline.testing.TestRepo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The service as users run it ({@code java -jar ... serve}, a separate process) against the local peers
 * (moto, the Kubernetes mock server, a real haproxy) with statuses going to a local host playing GitHub.
 * Prints commit → final status latency via a webhook and via polling, and the service's CPU while idle.
 */
public final class LoopBench {
    private static final Path JAR = Path.of("target/plumbline.jar").toAbsolutePath();
    static final String TOKEN = "ghp_benchToken0123456789";
    static final String SECRET = "bench-webhook-secret";
    private static final int WEBHOOK_COMMITS = 10;
    private static final int POLLED_COMMITS = 5;
    private static final long IDLE_SECONDS = 60;

    private LoopBench() {
    }

    public static void main(String[] args) throws Exception {
        Peers peers = new Peers();
        peers.beforeAll(null);
        Path tmp = Files.createTempDirectory("plumbline-loop-bench");
        try (TestRepo repo = TestRepo.withFiles(tmp, Map.of("environments/production.yaml",
                Environments.production(peers)));
             StatusHostServer github = StatusHostServer.start(HostApis.github("acme/infra", TOKEN))) {
            try (ServiceProcess service = ServiceProcess.start(tmp.resolve("webhook"), config(peers, repo, github, "1h"))) {
                awaitStatus(github, repo.head());
                List<Long> viaWebhook = new ArrayList<>();
                for (int i = 1; i <= WEBHOOK_COMMITS; i++) {
                    String commit = bump(repo, i);
                    long t0 = System.nanoTime();
                    webhook(service.port(), commit);
                    awaitStatus(github, commit);
                    viaWebhook.add((System.nanoTime() - t0) / 1_000_000);
                }
                report("commit -> final status, via webhook", viaWebhook);
                System.out.printf("idle CPU, 1 environment, %d s (webhooks only, drift every 2 s): %s%n", IDLE_SECONDS,
                        service.cpuShare(IDLE_SECONDS));
            }
            try (ServiceProcess service = ServiceProcess.start(tmp.resolve("poll"), config(peers, repo, github, "5s"))) {
                awaitStatus(github, repo.head());
                List<Long> viaPolling = new ArrayList<>();
                for (int i = 1; i <= POLLED_COMMITS; i++) {
                    String commit = bump(repo, 100 + i);
                    long t0 = System.nanoTime();
                    awaitStatus(github, commit);
                    viaPolling.add((System.nanoTime() - t0) / 1_000_000);
                }
                report("commit -> final status, via polling every 5 s", viaPolling);
                System.out.printf("idle CPU, 1 environment, %d s (polling every 5 s, drift every 2 s): %s%n",
                        IDLE_SECONDS, service.cpuShare(IDLE_SECONDS));
            }
        } finally {
            peers.afterAll(null);
        }
    }

    static String config(Peers peers, TestRepo repo, StatusHostServer github, String poll) {
        return """
                plumbline:
                  git: {url: "%s"}
                  poll: {interval: %s}
                  aws: {endpoint: "%s"}
                  kubernetes: {kubeconfig: "%s"}
                  haproxy: {root: "%s"}
                  status: {host: github, api-url: "%s", repository: acme/infra, token: "%s"}
                  webhooks: {github: {secret: "%s"}}
                """.formatted(repo.url(), poll, peers.moto.endpoint(), peers.kubernetes.kubeconfig(),
                peers.root, github.url(), TOKEN, SECRET);
    }

    static String bump(TestRepo repo, int i) {
        String text = repo.read("environments/production.yaml").replaceAll("frontend:v[0-9.]+", "frontend:v2." + i);
        return repo.write("environments/production.yaml", text).commitAll("Deploy frontend v2." + i);
    }

    static void awaitStatus(StatusHostServer github, String commit) throws InterruptedException {
        awaitStatus(github, commit, "plumbline/production", false);
    }

    /** Waits for a status of the context on the commit: a final one, or (with {@code pending}) the pending one. */
    static void awaitStatus(StatusHostServer github, String commit, String context, boolean pending)
            throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (github.accepted().stream().anyMatch(a -> a.commit().equals(commit) && a.context().equals(context)
                    && a.state().equals("pending") == pending)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no " + (pending ? "pending" : "final") + " status " + context + " for "
                + commit + " within 120 s");
    }

    static void webhook(int port, String commit) throws Exception {
        String body = "{\"ref\":\"refs/heads/main\",\"after\":\"" + commit + "\",\"deleted\":false,"
                + "\"repository\":{\"full_name\":\"acme/infra\"}}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/hooks/github"))
                .header("X-GitHub-Event", "push").header("X-Hub-Signature-256", signature)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("webhook answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    static void report(String what, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("%s: p50 %d ms, p90 %d ms, max %d ms (n=%d)%n", what, sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1), sorted.get(sorted.size() - 1), sorted.size());
    }
}
