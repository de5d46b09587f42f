package io.plumbline.e2e;

import static io.plumbline.e2e.RunningService.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.report.HostApi;
import io.plumbline.report.HostApis;
import io.plumbline.report.StatusHostServer;
import io.plumbline.testing.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Commit statuses on every supported host; webhooks; a status host that is down or rate-limiting. */
class StatusHostsAndWebhooksIT {
    private static final Duration LONG = Duration.ofSeconds(90);
    private static final String CONTEXT = "plumbline/production";
    private static final String WEBHOOK_SECRET = "whsec-e2e-0123456789";
    private static final String TOKEN = "host-token-0123456789";

    @RegisterExtension
    static final Peers peers = new Peers();

    @TempDir
    Path tmp;
    TestRepo repo;
    StatusHostServer host;
    RunningService service;
    String commit;

    @BeforeEach
    void setUp() {
        repo = TestRepo.withFiles(tmp, Map.of("environments/production.yaml", Environments.production(peers)));
        commit = repo.head();
    }

    @AfterEach
    void tearDown() {
        if (service != null) {
            service.close();
        }
        if (host != null) {
            host.close();
        }
        repo.close();
    }

    static Stream<Arguments> hosts() {
        return Stream.of(
                Arguments.of("github", (Function<String, HostApi>) t -> HostApis.github("acme/infra", t), "pending", "success"),
                Arguments.of("gitlab", (Function<String, HostApi>) t -> HostApis.gitlab("acme/infra", t), "running", "success"),
                Arguments.of("gitea", (Function<String, HostApi>) t -> HostApis.gitea("acme/infra", t), "pending", "success"),
                Arguments.of("bitbucket-cloud", (Function<String, HostApi>) t -> HostApis.bitbucketCloud("acme/infra", t),
                        "INPROGRESS", "SUCCESSFUL"),
                Arguments.of("bitbucket-server", (Function<String, HostApi>) HostApis::bitbucketServer,
                        "INPROGRESS", "SUCCESSFUL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void aCommitGoesPendingThenSuccessOnEachHost(String kind, Function<String, HostApi> api, String pending,
                                                 String success) {
        host = StatusHostServer.start(api.apply(TOKEN));
        service = RunningService.start(peers, repo.url(), tmp, Map.of("plumbline.status.host", kind,
                "plumbline.status.api-url", host.url(), "plumbline.status.repository", "acme/infra",
                "plumbline.status.token", TOKEN));

        await().atMost(LONG).until(() -> statuses(host, commit, CONTEXT).size() >= 2);
        List<String> posted = statuses(host, commit, CONTEXT);
        assertThat(posted.get(0)).isEqualTo(pending + ": applying production at " + commit.substring(0, 12));
        assertThat(posted.get(1)).matches(success + ": applied [0-9]+ changes, [0-9]+ unchanged, 1 skipped");
        assertThat(host.answers()).as("every request matched the host's documented API").allMatch(a -> a.startsWith("2"));
    }

    @Test
    void aHostThatIsDownOrRateLimitingNeverHoldsUpReconciles() {
        host = StatusHostServer.start(HostApis.github("acme/infra", RunningService.TOKEN));
        host.answerNext(503, Map.of(), "{\"message\":\"unavailable\"}")
                .answerNext(429, Map.of("Retry-After", "1"), "{\"message\":\"slow down\"}")
                .answerNext(403, Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset",
                        String.valueOf(System.currentTimeMillis() / 1000 + 1)), "{\"message\":\"API rate limit exceeded\"}");
        service = RunningService.start(peers, repo.url(), tmp, RunningService.github(host));

        await().atMost(LONG).until(() -> service.reconciles("success") == 1);
        String next = repo.edit("environments/production.yaml", "replicas: 2", "replicas: 3").commitAll("Three");
        await().atMost(LONG).until(() -> service.reconciles("success") == 2);

        await().atMost(LONG).until(() -> statuses(host, commit, CONTEXT).size() >= 1
                && statuses(host, next, CONTEXT).stream().anyMatch(s -> s.startsWith("success")));
        assertThat(host.answers()).startsWith("503 {\"message\":\"unavailable\"}", "429 {\"message\":\"slow down\"}");
        // A pending the host had not taken yet is replaced by the result that follows it: the result is last.
        List<String> posted = statuses(host, next, CONTEXT);
        assertThat(posted.get(posted.size() - 1)).startsWith("success: applied 1 changes");
        assertThat(posted.subList(0, posted.size() - 1)).allMatch(s -> s.startsWith("pending"));
    }

    @Test
    void aWebhookWithABadOrMissingSignatureIsRefusedAndAGoodOneReconcilesAtOnce() throws Exception {
        host = StatusHostServer.start(HostApis.github("acme/infra", RunningService.TOKEN));
        Map<String, Object> settings = new HashMap<>(RunningService.github(host));
        settings.put("plumbline.poll.interval", "1h");
        settings.put("plumbline.webhooks.github.secret", WEBHOOK_SECRET);
        service = RunningService.start(peers, repo.url(), tmp, settings);
        await().atMost(LONG).until(() -> service.reconciles("success") == 1);

        String next = repo.edit("environments/production.yaml", "replicas: 2", "replicas: 3").commitAll("Three");
        String payload = Files.readString(Path.of("src/test/resources/webhooks/github/push.json"));
        Map<String, String> headers = Map.of("X-GitHub-Event", "push", "Content-Type", "application/json");

        assertThat(service.post("/hooks/github", headers, payload).statusCode()).isEqualTo(401);
        assertThat(service.post("/hooks/github", with(headers, "X-Hub-Signature-256",
                "sha256=" + sign("wrong-secret", payload)), payload).statusCode()).isEqualTo(401);
        assertThat(service.reconciles("success")).isEqualTo(1);
        assertThat(statuses(host, next, CONTEXT)).isEmpty();

        var accepted = service.post("/hooks/github", with(headers, "X-Hub-Signature-256",
                "sha256=" + sign(WEBHOOK_SECRET, payload)), payload);

        assertThat(accepted.statusCode()).isEqualTo(202);
        await().atMost(LONG).until(() -> service.reconciles("success") == 2);
        await().atMost(LONG).until(() -> statuses(host, next, CONTEXT).size() == 2);
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new HashMap<>(headers);
        all.put(name, value);
        return all;
    }

    private static String sign(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
