package io.plumbline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plumbline.render.haproxy.HaproxyEnvironments;
import io.plumbline.testing.TestRepo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's side of the proxy agents' reports: only a write token may report, only for a host an environment
 * names, and every field is held to its grammar before the page or the API shows it.
 */
class AgentReportsIT {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String EDGE = HaproxyEnvironments.namingHosts("edge", "[proxy-1, proxy-2]");

    @TempDir
    Path tmp;
    private TestRepo repo;
    private RunningService service;

    @BeforeEach
    void start() {
        repo = TestRepo.withFiles(tmp.resolve("repo"), Map.of("environments/edge.yaml", EDGE));
        service = RunningService.start(repo.url(), tmp.resolve("service"), Map.of("plumbline.agents.stale-after", "2s",
                "plumbline.haproxy.root", tmp.resolve("no-proxy").toString()));
        await().atMost(Duration.ofSeconds(60)).until(() -> service.get("/api/environments").body()
                .contains("\"result\":\"success\""));
    }

    @AfterEach
    void stop() {
        service.close();
        repo.close();
    }

    @Test
    void aWriteTokenReportsForANamedHostAndEveryFieldIsChecked() throws Exception {
        assertThat(report("proxy-1", RunningService.READ_TOKEN, result("edge", SHA, "success")).statusCode())
                .as("a read token may not report").isEqualTo(403);
        assertThat(report("proxy-1", "no-such-token", result("edge", SHA, "success")).statusCode()).isEqualTo(401);
        assertThat(report("proxy-9", RunningService.WRITE_TOKEN, result("edge", SHA, "success")).statusCode())
                .as("no environment names proxy-9").isEqualTo(404);
        for (String bad : new String[] {result("Edge", SHA, "success"), result("edge", "HEAD", "success"),
                result("edge", SHA, "<b>great</b>"), "{\"results\": [{\"environment\": \"edge\"}]}", "[]",
                "{\"results\": \"all\"}", "{\"results\": [], \"extra\": 1}", "not json"}) {
            HttpResponse<String> answer = report("proxy-1", RunningService.WRITE_TOKEN, bad);
            assertThat(answer.statusCode()).as(bad).isEqualTo(400);
            assertThat(answer.body()).as(bad).doesNotContain("<b>");
        }
        assertThat(service.get("/api/environments/edge/agents").body()).as("nothing bad was kept")
                .contains("{\"host\":\"proxy-1\",\"stale\":true}");

        HttpResponse<String> kept = report("proxy-1", RunningService.WRITE_TOKEN, "{\"results\": [" + entry("edge")
                + ", " + entry("staging") + "]}");
        assertThat(kept.statusCode()).isEqualTo(202);
        assertThat(kept.body()).as("results of environments not naming the host are dropped").contains("\"kept\":1");
        assertThat(service.get("/api/environments/edge/agents").body())
                .contains("\"host\":\"proxy-1\",\"stale\":false").contains("\"commit\":\"" + SHA + "\"")
                .contains("{\"host\":\"proxy-2\",\"stale\":true}");
        assertThat(service.get("/environments/edge").body()).contains("never reported", "reporting");

        await().atMost(Duration.ofSeconds(30)).until(() -> service.get("/api/environments/edge/agents").body()
                .contains("\"host\":\"proxy-1\",\"stale\":true"));
        assertThat(service.get("/environments/edge").body()).contains("no report since");
    }

    @Test
    void aGaugeSaysWhichAgentIsStaleForEachEnvironmentThatNamesItsHost() throws Exception {
        String proxy1 = "plumbline_agent_stale{environment=\"edge\",host=\"proxy-1\"}";
        String proxy2 = "plumbline_agent_stale{environment=\"edge\",host=\"proxy-2\"}";
        await("both agents stale: neither has reported").atMost(Duration.ofSeconds(30))
                .until(() -> service.metric(proxy1) == 1 && service.metric(proxy2) == 1);

        assertThat(report("proxy-1", RunningService.WRITE_TOKEN, result("edge", SHA, "success")).statusCode())
                .isEqualTo(202);
        String scrape = service.get("/prometheus").body();
        assertThat(scrape).as("read at the scrape, not at the next refresh").containsPattern(
                Pattern.quote(proxy1) + " 0(\\.0)?\n").contains(proxy2 + " 1");
        assertThat(scrape).doesNotContain("host=\"proxy-9\"");

        // Silent for longer than stale-after (2 s here): stale again, with no event to say so.
        await("proxy-1 stale again").atMost(Duration.ofSeconds(30)).until(() -> service.metric(proxy1) == 1);
    }

    private HttpResponse<String> report(String host, String token, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.base() + "/api/agents/" + host
                        + "/report")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String result(String environment, String commit, String result) {
        return "{\"results\": [{\"environment\": \"" + environment + "\", \"commit\": \"" + commit + "\", \"result\": \""
                + result + "\", \"health\": \"healthy\", \"summary\": \"applied 1 changes\", \"finished\": "
                + "\"2026-12-02T03:00:00Z\"}]}";
    }

    private static String entry(String environment) {
        String one = result(environment, SHA, "success");
        return one.substring(one.indexOf('[') + 1, one.lastIndexOf(']'));
    }
}
