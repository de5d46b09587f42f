package io.plumbline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.e2e.Environments;
import io.plumbline.provider.haproxy.ProxyHost;
import io.plumbline.provider.haproxy.TestBackends;
import io.plumbline.testing.Gitea;
import io.plumbline.testing.WorkTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;

/**
 * The service as users run it (a separate process) against a real Gitea: the team pushes and opens pull requests
 * there, Gitea's signed webhooks wake the service. Prints push → final commit status and pull request opened →
 * plan comment, both as read back through Gitea's API; the environment holds a real haproxy only.
 */
public final class ForgeBench {
    private static final String FILE = "environments/production.yaml";
    private static final String SECRET = "bench-gitea-hook-secret";
    private static final int PUSHES = 10;
    private static final int PULL_REQUESTS = 5;

    private ForgeBench() {
    }

    public static void main(String[] args) throws Exception {
        Path tmp = Files.createTempDirectory("plumbline-forge-bench");
        try (Gitea forge = Gitea.start(); TestBackends backends = new TestBackends("aws", "example")) {
            ProxyHost proxy = ProxyHost.start(tmp.resolve("proxy"));
            String repository = forge.createRepository("infra");
            WorkTree work = WorkTree.init(tmp.resolve("work"), forge.team().cloneUrl(forge, repository));
            work.write(FILE, Environments.haproxyOnly("{mode: auto, healthTimeout: 20s}", List.of(), backends, "ready"))
                    .commit("Production");
            work.push("main");
            String token = forge.token(forge.admin(), List.of("write:repository", "write:issue"));
            try (ServiceProcess service = ServiceProcess.start(tmp.resolve("service"), config(forge, repository,
                    proxy, token))) {
                forge.api(forge.admin(), "POST", "/repos/" + repository + "/hooks", Map.of("type", "gitea",
                        "active", true, "events", List.of("push", "pull_request", "pull_request_sync"), "config",
                        Map.of("url", "http://127.0.0.1:" + service.port() + "/hooks/gitea", "content_type", "json",
                                "secret", SECRET)));
                String first = work.head();
                await(() -> success(forge, repository, first));

                List<Long> pushes = new ArrayList<>();
                for (int i = 1; i <= PUSHES; i++) {
                    String commit = work.write(FILE, work.read(FILE).replaceFirst("state: (ready|drain)}\n$",
                            i % 2 == 1 ? "state: drain}\n" : "state: ready}\n")).commit("Flip example " + i);
                    long t0 = System.nanoTime();
                    work.push("main");
                    await(() -> success(forge, repository, commit));
                    pushes.add((System.nanoTime() - t0) / 1_000_000);
                }
                LoopBench.report("push to Gitea -> final status on Gitea, via Gitea's webhook", pushes);

                List<Long> plans = new ArrayList<>();
                for (int i = 1; i <= PULL_REQUESTS; i++) {
                    String branch = "maint-" + i;
                    work.checkout(branch).write(FILE, work.read(FILE).replaceFirst("state: (ready|drain)}\n$",
                            "state: maint}\n")).commit("Maintenance " + i);
                    work.push(branch);
                    long t0 = System.nanoTime();
                    int number = forge.api(forge.team(), "POST", "/repos/" + repository + "/pulls", Map.of("head",
                            branch, "base", "main", "title", "Maintenance " + i)).path("number").asInt();
                    await(() -> planComment(forge, repository, number));
                    plans.add((System.nanoTime() - t0) / 1_000_000);
                    work.switchTo("main");
                }
                LoopBench.report("pull request opened on Gitea -> plan comment on it", plans);
            } finally {
                proxy.close();
            }
        }
    }

    private static String config(Gitea forge, String repository, ProxyHost proxy, String token) {
        return """
                plumbline:
                  git: {url: "%s/%s.git", pr-refs: "refs/pull/*/head"}
                  poll: {interval: 1h}
                  haproxy: {root: "%s"}
                  status: {host: gitea, api-url: "%s", repository: %s, token: "%s", pr-comments: true}
                  webhooks: {gitea: {secret: "%s"}}
                """.formatted(forge.url(), repository, proxy.root(), forge.url(), repository, token, SECRET);
    }

    private static boolean success(Gitea forge, String repository, String commit) {
        JsonNode combined = forge.api(forge.admin(), "GET", "/repos/" + repository + "/commits/" + commit + "/status",
                null);
        return StreamSupport.stream(combined.path("statuses").spliterator(), false).anyMatch(s -> s.path("context")
                .asText().equals("plumbline/production") && s.path("status").asText().equals("success"));
    }

    private static boolean planComment(Gitea forge, String repository, int number) {
        JsonNode comments = forge.api(forge.admin(), "GET", "/repos/" + repository + "/issues/" + number + "/comments",
                null);
        return StreamSupport.stream(comments.spliterator(), false)
                .anyMatch(c -> c.path("body").asText().startsWith("<!-- plumbline:production -->"));
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not seen on Gitea within 120 s");
            }
            Thread.sleep(20);
        }
    }
}
