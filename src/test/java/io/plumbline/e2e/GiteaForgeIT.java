package io.plumbline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.provider.haproxy.ProxyHost;
import io.plumbline.provider.haproxy.TestBackends;
import io.plumbline.testing.Gitea;
import io.plumbline.testing.HookRecorder;
import io.plumbline.testing.Signers;
import io.plumbline.testing.WorkTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull-request loop against a real Gitea: the team pushes and opens pull requests there, Gitea's signed
 * webhooks wake the service, and what the service reports is read back through Gitea's own API. The environment
 * holds a HAProxy section only, on a real haproxy: the forge, not the providers, is under test here.
 */
class GiteaForgeIT {
    private static final Duration LONG = Duration.ofSeconds(90);
    private static final String FILE = "environments/production.yaml";
    private static final String CONTEXT = "plumbline/production";
    private static final String PLAN = "plumbline/production/plan";
    private static final String DRIFT = "plumbline/production/drift";
    private static final String SECRET = "gitea-hook-secret-0123456789";
    private static final String MARKER = "<!-- plumbline:production -->";

    static Gitea forge;

    @TempDir
    Path tmp;
    String repository;
    WorkTree work;
    TestBackends backends;
    ProxyHost proxy;
    RunningService service;

    @BeforeAll
    static void forge() {
        forge = Gitea.shared();
    }

    @BeforeEach
    void setUp() throws Exception {
        backends = new TestBackends("aws", "example");
        proxy = ProxyHost.start(tmp.resolve("proxy"));
        repository = forge.createRepository("infra-" + UUID.randomUUID().toString().substring(0, 8));
        work = WorkTree.init(tmp.resolve("work"), forge.team().cloneUrl(forge, repository));
        work.write(FILE, production("ready")).commit("Production");
        work.push("main");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (service != null) {
            service.close();
        }
        proxy.close();
        backends.close();
    }

    @Test
    void aPushReachesTheServiceByGiteasSignedWebhookAndItsStatusIsReadBackFromGitea() {
        String first = work.head();
        startService(Map.of());
        await().atMost(LONG).until(() -> state(first, CONTEXT).equals("success"));

        String next = work.write(FILE, production("drain")).commit("Drain example");
        work.push("main");

        // The service polls once an hour: only Gitea's webhook, signed as the service checks it, wakes it.
        await().atMost(LONG).until(() -> state(next, CONTEXT).equals("success"));
        JsonNode status = latest(next, CONTEXT).orElseThrow();
        assertThat(status.path("description").asText()).matches("applied 1 changes, [0-9]+ unchanged(, .*)?");
        assertThat(status.path("target_url").asText())
                .isEqualTo("http://plumbline.test/environments/production#" + next);
        assertThat(proxy.state("app", "example")).isEqualTo("drain");
    }

    @Test
    void aPullRequestIsPlannedInOneCommentEditedOnEachHeadAndItsMergeIsApplied() {
        startService(Map.of());
        await().atMost(LONG).until(() -> state(work.head(), CONTEXT).equals("success"));

        String head = work.checkout("drain-example").write(FILE, production("drain"))
                .commit("Drain example");
        work.push("drain-example");
        int number = openPullRequest(forge.team(), "drain-example");

        await().atMost(LONG).until(() -> !state(head, PLAN).isEmpty());
        await().atMost(LONG).until(() -> planComments(number).size() == 1
                && planComments(number).get(0).contains(head.substring(0, 12)));
        assertThat(planComments(number).get(0)).contains("~ haproxy Server app/example");
        assertThat(state(head, CONTEXT)).as("a pull request is never applied").isEmpty();
        assertThat(proxy.state("app", "example")).isEqualTo("ready");

        String second = work.write(FILE, production("maint")).commit("Maintenance instead");
        work.push("drain-example");

        await().atMost(LONG).until(() -> !state(second, PLAN).isEmpty()
                && planComments(number).stream().anyMatch(c -> c.contains(second.substring(0, 12))));
        assertThat(planComments(number)).as("edited in place, never posted again").singleElement().asString()
                .contains("~ haproxy Server app/example").doesNotContain(head.substring(0, 12));

        forge.api(forge.team(), "POST", "/repos/" + repository + "/pulls/" + number + "/merge",
                Map.of("Do", "merge"));
        String merge = forge.api(forge.team(), "GET", "/repos/" + repository + "/pulls/" + number, null)
                .path("merge_commit_sha").asText();

        await().atMost(LONG).until(() -> state(merge, CONTEXT).equals("success"));
        assertThat(proxy.state("app", "example")).isEqualTo("maint");
    }

    @Test
    void aPullRequestFromAnOutsidersForkIsPlannedOnlyWithPlanForks() {
        startService(Map.of());
        await().atMost(LONG).until(() -> state(work.head(), CONTEXT).equals("success"));
        String fork = forge.api(forge.outsider(), "POST", "/repos/" + repository + "/forks", Map.of())
                .path("full_name").asText();

        String forked = work.checkout("from-fork").write(FILE, production("maint"))
                .commit("Take example down");
        work.pushTo(forge.outsider().cloneUrl(forge, fork), "from-fork");
        int fromFork = openPullRequest(forge.outsider(), forge.outsider().name() + ":from-fork");
        // A pull request from a branch, opened after it, shows when the fork's head has been fetched too.
        String branch = work.checkout("drain-example").write(FILE, production("drain"))
                .commit("Drain example");
        work.push("drain-example");
        openPullRequest(forge.team(), "drain-example");

        await().atMost(LONG).until(() -> !state(branch, PLAN).isEmpty());
        assertThat(state(forked, PLAN)).as("a fork's head is not planned").isEmpty();
        assertThat(planComments(fromFork)).isEmpty();

        service.close();
        startService(Map.of("plumbline.git.plan-forks", true));

        await().atMost(LONG).until(() -> !state(forked, PLAN).isEmpty() && planComments(fromFork).size() == 1);
        assertThat(proxy.state("app", "example")).isEqualTo("ready");
    }

    @Test
    void driftMadeByHandIsADriftStatusOnTheAppliedCommit() {
        String applied = work.head();
        startService(Map.of());
        await().atMost(LONG).until(() -> state(applied, DRIFT).equals("success"));

        proxy.byHand("set server app/example state maint");

        await().atMost(LONG).until(() -> state(applied, DRIFT).equals("failure"));
        assertThat(latest(applied, DRIFT).orElseThrow().path("description").asText())
                .startsWith("1 resources drifted; haproxy");
    }

    @Test
    void giteasDeliveryUnsignedWronglySignedOrReplayedIsRefused() throws Exception {
        try (HookRecorder recorder = new HookRecorder()) {
            hook(recorder.url());
            startService(Map.of(), false);
            await().atMost(LONG).until(() -> state(work.head(), CONTEXT).equals("success"));

            String next = work.write(FILE, production("drain")).commit("Drain example");
            work.push("main");
            await().atMost(LONG).until(() -> recorder.deliveries().stream()
                    .anyMatch(d -> "push".equals(d.headers().get("X-Gitea-Event"))));
            HookRecorder.Delivery push = recorder.deliveries().stream()
                    .filter(d -> "push".equals(d.headers().get("X-Gitea-Event"))).findFirst().orElseThrow();
            String body = new String(push.body(), StandardCharsets.UTF_8);
            Map<String, String> unsigned = new HashMap<>(Map.of("X-Gitea-Event", "push",
                    "X-Gitea-Delivery", push.headers().get("X-Gitea-Delivery"), "Content-Type", "application/json"));
            Map<String, String> wronglySigned = new HashMap<>(unsigned);
            wronglySigned.put("X-Gitea-Signature", sign("not-the-secret", body));
            Map<String, String> asSent = new HashMap<>(unsigned);
            asSent.put("X-Gitea-Signature", push.headers().get("X-Gitea-Signature"));

            assertThat(service.post("/hooks/gitea", unsigned, body).statusCode()).isEqualTo(401);
            assertThat(service.post("/hooks/gitea", wronglySigned, body).statusCode()).isEqualTo(401);
            assertThat(state(next, CONTEXT)).isEmpty();

            assertThat(service.post("/hooks/gitea", asSent, body).statusCode()).isEqualTo(202);
            await().atMost(LONG).until(() -> state(next, CONTEXT).equals("success"));
            assertThat(service.post("/hooks/gitea", asSent, body).statusCode()).as("replayed").isEqualTo(409);
        }
    }

    @Test
    void whileGiteaIsDownTheOutcomeIsRecordedAndItsStatusPostedOnceGiteaIsBack() {
        String applied = work.head();
        startService(Map.of());
        await().atMost(LONG).until(() -> state(applied, DRIFT).equals("success"));

        forge.stop();
        try {
            proxy.byHand("set server app/example state maint");
            await().atMost(LONG).until(() -> service.get("/api/environments/production/drift").body()
                    .contains("\"found\":\"maint\""));
        } finally {
            forge.restart();
        }
        assertThat(service.metric("plumbline_status_publish_failures_total{host=\"gitea\"}"))
                .as("retried, not given up").isZero();

        // Retried with backoff until Gitea answers again; nothing was given up meanwhile.
        await().atMost(LONG).until(() -> state(applied, DRIFT).equals("failure"));
    }

    @Test
    void aCommitSignedWithSshKeepsItsSignatureThroughGiteaAndIsVerified() throws Exception {
        Signers signers = new Signers(Files.createDirectories(tmp.resolve("keys")));
        Path key = signers.sshKey("deployer");
        String unsigned = work.head();
        startService(Map.of("plumbline.git.verify", "ssh",
                "plumbline.git.verify-keys", signers.allowedSigners(key).toString()));
        await().atMost(LONG).until(() -> state(unsigned, CONTEXT).equals("error"));
        assertThat(latest(unsigned, CONTEXT).orElseThrow().path("description").asText()).contains("not signed");

        work.write(FILE, production("drain"));
        String signed = signers.commitSsh(work.dir(), key, "Drain example, signed");
        work.push("main");

        await().atMost(LONG).until(() -> state(signed, CONTEXT).equals("success"));
        assertThat(proxy.state("app", "example")).isEqualTo("drain");
    }

    private void startService(Map<String, Object> more) {
        startService(more, true);
    }

    private void startService(Map<String, Object> more, boolean withHook) {
        Map<String, Object> p = new HashMap<>();
        p.put("plumbline.status.host", "gitea");
        p.put("plumbline.status.api-url", forge.url());
        p.put("plumbline.status.repository", repository);
        p.put("plumbline.status.token", forge.token(forge.admin(), List.of("write:repository", "write:issue")));
        p.put("plumbline.status.pr-comments", true);
        p.put("plumbline.git.pr-refs", "refs/pull/*/head");
        p.put("plumbline.webhooks.gitea.secret", SECRET);
        p.put("plumbline.poll.interval", "1h");
        p.put("plumbline.haproxy.root", proxy.root().toString());
        p.putAll(more);
        service = RunningService.start(forge.url() + "/" + repository + ".git", tmp.resolve("service"), p);
        if (withHook) {
            hook(service.base().resolve("/hooks/gitea").toString());
        }
    }

    private void hook(String url) {
        forge.api(forge.admin(), "POST", "/repos/" + repository + "/hooks", Map.of("type", "gitea", "active", true,
                "events", List.of("push", "pull_request", "pull_request_sync"),
                "config", Map.of("url", url, "content_type", "json", "secret", SECRET)));
    }

    private int openPullRequest(Gitea.User as, String head) {
        return forge.api(as, "POST", "/repos/" + repository + "/pulls", Map.of("head", head, "base", "main",
                "title", "Change " + head)).path("number").asInt();
    }

    /** The newest status of a context on a commit, as Gitea shows it. */
    private Optional<JsonNode> latest(String commit, String context) {
        JsonNode combined = forge.api(forge.admin(), "GET", "/repos/" + repository + "/commits/" + commit
                + "/status", null);
        return StreamSupport.stream(combined.path("statuses").spliterator(), false)
                .filter(s -> s.path("context").asText().equals(context)).findFirst();
    }

    // Gitea names a status's state "status" when it lists statuses (it takes "state" when one is posted).
    private String state(String commit, String context) {
        return latest(commit, context).map(s -> s.path("status").asText().toLowerCase(Locale.ROOT)).orElse("");
    }

    /** The bodies of the pull request's comments that carry the production plan's marker. */
    private List<String> planComments(int number) {
        JsonNode comments = forge.api(forge.admin(), "GET", "/repos/" + repository + "/issues/" + number
                + "/comments", null);
        return StreamSupport.stream(comments.spliterator(), false).map(c -> c.path("body").asText())
                .filter(b -> b.startsWith(MARKER)).toList();
    }

    private String production(String state) {
        return Environments.haproxyOnly("{mode: auto, healthTimeout: 20s, driftInterval: 2s}", List.of(), backends,
                state);
    }

    private static String sign(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
