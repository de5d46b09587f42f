package io.plumbline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.provider.haproxy.ProxyHost;
import io.plumbline.provider.haproxy.TestBackends;
import io.plumbline.report.HostApis;
import io.plumbline.report.StatusHostServer;
import io.plumbline.testing.TestRepo;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Three proxy hosts, each a real HAProxy under its own root with its own agent ({@code --role haproxy-agent}), and
 * the service the agents report to, all polling one repository: a commit draining a server drains it on every
 * host, each host posts its own status, and an agent that stops is shown as stale by the service. Each agent holds
 * a token of its own host, which reports for that host and does nothing else.
 */
class ProxyAgentsIT {
    private static final Duration LONG = Duration.ofSeconds(90);
    private static final List<String> HOSTS = List.of("proxy-1", "proxy-2", "proxy-3");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private TestBackends backends;
    private StatusHostServer github;
    private TestRepo repo;
    private RunningService service;
    private final List<ProxyHost> proxies = new ArrayList<>();
    private final List<RunningService> agents = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        backends = new TestBackends("aws", "example");
        github = StatusHostServer.start(HostApis.github("acme/infra", RunningService.TOKEN));
        repo = TestRepo.withFiles(tmp.resolve("repo"), Map.of("environments/production.yaml", production("ready"),
                "environments/staging.yaml", "apiVersion: plumbline/v1\nkind: Environment\nmetadata: {name: staging}\n"
                        + "spec:\n  sync: {mode: auto}\n"));
        // The service leaves the environment's HAProxy to the agents: it is given no proxy of its own to reach.
        service = RunningService.start(repo.url(), tmp.resolve("service"), settings(Map.of(
                "plumbline.agents.stale-after", "3s", "plumbline.haproxy.root", tmp.resolve("no-proxy").toString(),
                "plumbline.api.agent-tokens", String.join(",", HOSTS.stream().map(h -> h + ":" + token(h))
                        .toList()))));
        for (String host : HOSTS) {
            ProxyHost proxy = ProxyHost.start(tmp.resolve(host));
            proxies.add(proxy);
            agents.add(RunningService.start(repo.url(), tmp.resolve("agent-" + host), settings(Map.of(
                    "plumbline.role", "haproxy-agent", "plumbline.agent.host", host,
                    "plumbline.agent.service-url", service.base().toString(),
                    "plumbline.agent.token", token(host),
                    "plumbline.agent.report-interval", "500ms",
                    "plumbline.haproxy.root", proxy.root().toString()))));
        }
    }

    @AfterEach
    void stop() throws Exception {
        agents.forEach(RunningService::close);
        service.close();
        for (ProxyHost proxy : proxies) {
            proxy.close();
        }
        repo.close();
        github.close();
        backends.close();
    }

    @Test
    void aCommitDrainingAServerDrainsItOnEveryHostWithAStatusPerHost() throws Exception {
        await().atMost(LONG).until(() -> HOSTS.stream().allMatch(h -> "ready".equals(stateOn(h))));

        String drain = repo.write("environments/production.yaml", production("drain"))
                .commitAll("Drain the monolith on every proxy");

        await().atMost(LONG).untilAsserted(() -> assertThat(HOSTS).allSatisfy(h ->
                assertThat(stateOn(h)).as(h).isEqualTo("drain")));
        await().atMost(LONG).untilAsserted(() -> assertThat(HOSTS).allSatisfy(h ->
                assertThat(RunningService.statuses(github, drain, "plumbline/production/haproxy@" + h))
                        .as(h).endsWith("success: applied 1 changes, 2 unchanged")));
        // The service reconciles the environment too, but never its HAProxy: that is the agents' on these hosts.
        await().atMost(LONG).until(() -> RunningService.statuses(github, drain, "plumbline/production").stream()
                .anyMatch(s -> s.startsWith("success")));
        JsonNode latest = environment().path("latest");
        assertThat(latest.path("commit").asText()).isEqualTo(drain);
        assertThat(latest.path("counts").has("haproxy")).as("the service applied no HAProxy object").isFalse();

        assertThat(agents.get(0).get("/prometheus").body()).as("an agent's series carry its host")
                .contains("plumbline_reconcile_total{environment=\"production\",host=\"proxy-1\",result=\"success\"}");
        // An agent keeps only the environments naming its host: nothing of staging's on any host.
        assertThat(agents).allSatisfy(agent -> assertThat(agent.get("/api/environments").body())
                .contains("\"name\":\"production\"").doesNotContain("staging"));
        assertThat(github.accepted()).noneMatch(a -> a.context().startsWith("plumbline/staging/"));
        await().atMost(LONG).untilAsserted(() -> assertThat(agentsApi()).allSatisfy(agent -> {
            assertThat(agent.path("commit").asText()).isEqualTo(drain);
            assertThat(agent.path("result").asText()).isEqualTo("success");
            assertThat(agent.path("stale").asBoolean()).isFalse();
        }));
    }

    @Test
    void anAgentThatStopsIsShownStaleWhileTheOtherHostsStillShow() throws Exception {
        await().atMost(LONG).until(() -> agentsApi().stream().allMatch(a -> a.path("result").asText()
                .equals("success") && !a.path("stale").asBoolean()));

        agents.remove(1).close();

        await().atMost(LONG).untilAsserted(() -> {
            List<JsonNode> hosts = agentsApi();
            assertThat(hosts).extracting(a -> a.path("host").asText()).containsExactlyElementsOf(HOSTS);
            assertThat(hosts).extracting(a -> a.path("stale").asBoolean()).containsExactly(false, true, false);
        });
        assertThat(agentsApi().get(1).path("result").asText()).as("its last result is still shown")
                .isEqualTo("success");
        assertThat(environment().path("agents").get(1).path("stale").asBoolean()).isTrue();
        String page = service.get("/environments/production").body();
        assertThat(page).contains("id=\"host-proxy-2\"");
        assertThat(row(page, "proxy-2")).contains("stale", "no report since");
        assertThat(row(page, "proxy-1")).contains("reporting").doesNotContain("stale");
        assertThat(service.get("/").body()).contains("Proxy hosts", "proxy-2 <span class=\"badge bad\">stale</span>");
        try (Browser browser = new Browser()) {
            browser.driver().get(service.pageUrl("/environments/production"));
            assertThat(browser.driver().findElement(By.id("host-proxy-2")).getText()).contains("stale",
                    "no report since");
            assertThat(browser.driver().findElement(By.id("host-proxy-3")).getText()).contains("reporting", "success");
            browser.screenshot("proxy-hosts");
        }
    }

    @Test
    void anAgentsTokenReportsForItsOwnHostAndAnAgentAnswersNoPromotion() throws Exception {
        // Each agent reports with its own host's token.
        await().atMost(LONG).until(() -> agentsApi().stream().allMatch(a -> a.path("result").asText()
                .equals("success")));
        String report = "{\"results\": []}";

        assertThat(service.post("/api/agents/proxy-2/report", token("proxy-1"), report).statusCode())
                .as("proxy-1's token reporting as proxy-2").isEqualTo(403);
        assertThat(service.post("/api/promotions", token("proxy-1"), "{\"from\": \"production\", \"to\": "
                + "\"staging\"}").statusCode()).isEqualTo(403);
        assertThat(service.post("/api/environments/production/suspend", token("proxy-1"), "{}").statusCode())
                .isEqualTo(403);
        assertThat(service.post("/api/environments/production/resume", token("proxy-1"), "{}").statusCode())
                .isEqualTo(403);
        assertThat(service.post("/api/environments/production/reconcile", token("proxy-1"), "{}").statusCode())
                .isEqualTo(403);
        assertThat(agentsApi()).extracting(a -> a.path("result").asText()).as("proxy-2's report stands")
                .containsExactly("success", "success", "success");

        // An agent's history is the HAProxy of its host: it is no witness of what an environment runs.
        HttpResponse<String> promoted = agents.get(0).post("/api/promotions", RunningService.WRITE_TOKEN,
                "{\"from\": \"production\", \"to\": \"staging\"}");
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(404);
    }

    /** The token of one host's agent, as the service is given it. */
    private static String token(String host) {
        return "agent-token-of-" + host;
    }

    private String stateOn(String host) {
        return proxies.get(HOSTS.indexOf(host)).state("app", "example");
    }

    private JsonNode environment() throws Exception {
        for (JsonNode env : JSON.readTree(service.get("/api/environments").body())) {
            if (env.path("name").asText().equals("production")) {
                return env;
            }
        }
        throw new AssertionError("production is not listed");
    }

    private List<JsonNode> agentsApi() throws Exception {
        var response = service.get("/api/environments/production/agents");
        List<JsonNode> out = new ArrayList<>();
        if (response.statusCode() == 200) {
            JSON.readTree(response.body()).forEach(out::add);
        }
        return out;
    }

    /** The page's table row of one host. */
    private static String row(String page, String host) {
        int start = page.indexOf("id=\"host-" + host + "\"");
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private Map<String, Object> settings(Map<String, Object> more) {
        Map<String, Object> p = new HashMap<>(RunningService.github(github));
        p.putAll(more);
        return p;
    }

    private String production(String state) {
        return Environments.haproxyOnly("{mode: auto, healthTimeout: 20s}", HOSTS, backends, state);
    }
}
