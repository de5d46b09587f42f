package io.plumbline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.plumbline.testing.TestRepo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may call the service: API tokens and scopes, the bind address, webhook endpoints without a secret. */
class AccessIT {
    private static final String READ = "read-token-4f1c9a";
    private static final String WRITE = "write-token-8d2e7b";
    private static final String AGENT_1 = "agent-token-1-c3a9f0";
    private static final String AGENT_2 = "agent-token-2-77b1e4";
    private static final String PING = "{\"zen\":\"hello\",\"hook_id\":1}";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void theApiWantsATokenOfTheRightScopeAndHealthAndMetricsStayOpen() throws Exception {
        try (TestRepo repo = repo(); ApplicationContext context = start(repo, Map.of(
                "plumbline.api.read-tokens", READ, "plumbline.api.write-tokens", WRITE))) {
            URI base = context.getBean(EmbeddedServer.class).getURI();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> send(get(base, "/api/environments/staging/history", READ)).statusCode() == 200);

            assertThat(send(get(base, "/api/environments", null)).statusCode()).isEqualTo(401);
            assertThat(send(get(base, "/api/environments", "not-a-token")).statusCode()).isEqualTo(401);
            assertThat(send(get(base, "/api/environments/staging/drift", null)).statusCode()).isEqualTo(401);
            assertThat(send(get(base, "/api/plans/0123456789abcdef", null)).statusCode()).isEqualTo(401);
            assertThat(send(get(base, "/api/environments", READ)).statusCode()).isEqualTo(200);
            assertThat(send(get(base, "/api/environments", WRITE)).statusCode()).isEqualTo(200);

            assertThat(send(reconcile(base, null)).statusCode()).isEqualTo(401);
            HttpResponse<String> readOnly = send(reconcile(base, READ));
            assertThat(readOnly.statusCode()).isEqualTo(403);
            assertThat(readOnly.body()).doesNotContain(READ);
            assertThat(send(reconcile(base, WRITE)).statusCode()).isEqualTo(202);

            HttpResponse<String> page = send(get(base, "/", null));
            assertThat(page.statusCode()).as("the page asks a browser for the token").isEqualTo(401);
            assertThat(page.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"plumbline\"");
            assertThat(send(basic(base, "/environments/staging", "wrong")).statusCode()).isEqualTo(401);
            assertThat(send(basic(base, "/environments/staging", READ)).statusCode()).isEqualTo(200);
            assertThat(send(basic(base, "/", READ)).statusCode()).isEqualTo(200);

            assertThat(send(get(base, "/health", null)).statusCode()).isEqualTo(200);
            assertThat(send(get(base, "/health/readiness", null)).statusCode()).isEqualTo(200);
            assertThat(send(get(base, "/prometheus", null)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anAgentTokenReportsForItsOwnHostAndDoesNothingElse() throws Exception {
        try (TestRepo repo = repo(); ApplicationContext context = start(repo, Map.of("plumbline.api.read-tokens", READ,
                "plumbline.api.agent-tokens", "proxy-1:" + AGENT_1 + ", proxy-2:" + AGENT_2))) {
            URI base = context.getBean(EmbeddedServer.class).getURI();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> send(get(base, "/api/environments/staging/history", READ)).statusCode() == 200);

            HttpResponse<String> own = send(post(base, "/api/agents/proxy-1/report", AGENT_1, "{\"results\": []}"));
            assertThat(own.body()).as("past the guard: the report is read").contains("no environment names the "
                    + "proxy host proxy-1");
            assertThat(send(post(base, "/api/agents/proxy-2/report", AGENT_2, "{\"results\": []}")).body())
                    .contains("proxy-2");
            HttpResponse<String> other = send(post(base, "/api/agents/proxy-2/report", AGENT_1, "{\"results\": []}"));
            assertThat(other.statusCode()).as("proxy-1's token reporting as proxy-2").isEqualTo(403);
            assertThat(other.body()).contains("POST /api/agents/proxy-1/report").doesNotContain(AGENT_1);
            for (HttpRequest request : new HttpRequest[] {
                    post(base, "/api/agents/proxy-1/report/", AGENT_1, "{\"results\": []}"),
                    post(base, "/api/agents/proxy-1/../proxy-2/report", AGENT_1, "{\"results\": []}"),
                    post(base, "/api/promotions", AGENT_1, "{\"from\": \"staging\", \"to\": \"production\"}"),
                    post(base, "/api/environments/staging/suspend", AGENT_1, "{}"),
                    post(base, "/api/environments/staging/resume", AGENT_1, "{}"), reconcile(base, AGENT_1),
                    get(base, "/api/environments", AGENT_1), get(base, "/api/environments/staging/agents", AGENT_1),
                    basic(base, "/", AGENT_1)}) {
                assertThat(send(request).statusCode()).as(request.method() + " " + request.uri()).isEqualTo(403);
            }
            assertThat(send(reconcile(base, READ)).statusCode()).as("a read token still may not write").isEqualTo(403);
        }
    }

    @Test
    void aMalformedAgentTokenEntryStopsTheServiceWithoutShowingTheToken() {
        for (String entries : new String[] {"proxy_1:" + AGENT_1, AGENT_1, "proxy-1:" + AGENT_1 + ",proxy-1:x"}) {
            try (TestRepo repo = TestRepo.withFiles(tmp.resolve("repo-" + System.nanoTime()),
                    Map.of("environments/staging.yaml", ENVIRONMENT))) {
                Throwable refused = catchThrowable(() -> start(repo, Map.of("plumbline.api.agent-tokens", entries))
                        .close());
                assertThat(refused).as(entries).isNotNull();
                assertThat(rootCause(refused).getMessage()).as(entries).contains("plumbline.api.agent-tokens entry")
                        .doesNotContain(AGENT_1);
            }
        }
    }

    @Test
    void noOtherSiteMayShowThePageInAFrame() throws Exception {
        try (TestRepo repo = repo(); ApplicationContext context = start(repo, Map.of("plumbline.api.read-tokens", READ))) {
            URI base = context.getBean(EmbeddedServer.class).getURI();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> send(basic(base, "/environments/staging", READ)).statusCode() == 200);

            for (HttpRequest request : new HttpRequest[] {basic(base, "/", READ), basic(base, "/environments/staging",
                    READ), get(base, "/", null), get(base, "/api/environments", READ), get(base, "/health", null)}) {
                HttpResponse<String> response = send(request);
                assertThat(response.headers().allValues("X-Frame-Options")).as(request.uri() + " " + response
                        .statusCode()).containsExactly("DENY");
                assertThat(response.headers().allValues("Content-Security-Policy")).as(request.uri().toString())
                        .containsExactly("frame-ancestors 'none'");
            }
        }
    }

    @Test
    void withoutTokensTheApiIsClosedAndTheServerListensOnLoopbackOnly() throws Exception {
        try (TestRepo repo = repo(); ApplicationContext context = start(repo, Map.of())) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            assertThat(server.getHost()).isEqualTo("127.0.0.1");
            assertThat(send(get(server.getURI(), "/api/environments", "")).statusCode()).isEqualTo(401);
            assertThat(send(reconcile(server.getURI(), "anything")).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aHookWithoutASecretHasNoEndpointUnlessUnsignedDeliveriesAreAllowed() throws Exception {
        try (TestRepo repo = repo(); ApplicationContext context = start(repo, Map.of(
                "plumbline.webhooks.gitlab.secret", "gitlab-secret"))) {
            URI base = context.getBean(EmbeddedServer.class).getURI();
            assertThat(send(ping(base)).statusCode()).isEqualTo(404);
        }
        try (TestRepo repo = TestRepo.withFiles(Files.createDirectories(tmp.resolve("second")),
                Map.of("environments/staging.yaml", ENVIRONMENT));
             ApplicationContext context = start(repo, Map.of("plumbline.webhooks.allow-unsigned", true))) {
            URI base = context.getBean(EmbeddedServer.class).getURI();
            assertThat(send(ping(base)).statusCode()).isEqualTo(200);
        }
    }

    private static final String ENVIRONMENT = "apiVersion: plumbline/v1\nkind: Environment\nmetadata:\n"
            + "  name: staging\nspec:\n  sync:\n    maxDeletePercent: 10\n";

    private TestRepo repo() {
        return TestRepo.withFiles(tmp, Map.of("environments/staging.yaml", ENVIRONMENT));
    }

    private ApplicationContext start(TestRepo repo, Map<String, Object> settings) {
        Path home = tmp.resolve("service-" + System.nanoTime());
        Map<String, Object> p = new HashMap<>(Map.of(
                "micronaut.server.port", -1,
                "plumbline.git.url", repo.url(),
                "plumbline.git.cache-dir", home.resolve("cache").toString(),
                "plumbline.state-dir", home.resolve("state").toString(),
                "plumbline.poll.interval", "1h"));
        p.putAll(settings);
        return Micronaut.build(new String[0]).banner(false).properties(p).start();
    }

    private static HttpRequest get(URI base, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private static HttpRequest basic(URI base, String path, String token) {
        String pair = Base64.getEncoder().encodeToString(("reader:" + token).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Basic " + pair).build();
    }

    private static HttpRequest reconcile(URI base, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/environments/staging/reconcile"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private static HttpRequest post(URI base, String path, String token, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static Throwable rootCause(Throwable t) {
        return t.getCause() == null ? t : rootCause(t.getCause());
    }

    private static HttpRequest ping(URI base) {
        return HttpRequest.newBuilder(base.resolve("/hooks/github")).header("Content-Type", "application/json")
                .header("X-GitHub-Event", "ping").POST(HttpRequest.BodyPublishers.ofString(PING)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
