package io.plumbline.http.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.plumbline.app.ServiceRole;
import io.plumbline.engine.history.History;
import io.plumbline.report.AgentResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The proxy agents' side of the API. {@code POST /api/agents/{host}/report} (a write token) is how an agent sends
 * its latest results, {@code {"results": [{"environment", "commit", "result", "health", "summary", "finished"}]}};
 * {@code GET /api/environments/{env}/agents} is each host of an environment with its result and whether its agent
 * is stale.
 */
@Controller("/api")
public class AgentController {
    /** More results than any agent has environments: a report past it is refused whole. */
    static final int MAX_RESULTS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentBoard board;
    private final History history;

    /** The body of a report. */
    record Report(List<AgentResult> results) {
    }

    public AgentController(AgentBoard board, History history) {
        this.board = board;
        this.history = history;
    }

    /** 202 with how many results were kept; 400 a malformed report; 404 no environment names the host. */
    @Post("/agents/{host}/report")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> report(@PathVariable String host, @Body String body) {
        if (!ServiceRole.validHost(host)) {
            return bad(ServiceRole.HOST_RULE);
        }
        Report report;
        try {
            report = JSON.readValue(body, Report.class);
        } catch (JsonProcessingException e) {
            return bad("a report is {\"results\": [{\"environment\", \"commit\", \"result\", \"health\", \"summary\","
                    + " \"finished\"}]}");
        }
        List<AgentResult> results = report.results() == null ? List.of() : report.results();
        if (results.size() > MAX_RESULTS) {
            return bad("a report holds at most " + MAX_RESULTS + " results");
        }
        Optional<String> problem = results.stream().map(AgentResult::problem).flatMap(Optional::stream).findFirst();
        if (problem.isPresent()) {
            return bad(problem.get());
        }
        return board.received(host, results, List.copyOf(history.environments()))
                .map(kept -> HttpResponse.<Map<String, Object>>accepted().body(Map.<String, Object>of("host", host,
                        "kept", kept)))
                .orElseGet(() -> HttpResponse.<Map<String, Object>>notFound().body(Map.of("error",
                        "no environment names the proxy host " + host)));
    }

    /** Each host the environment names with its agent's latest result; 404 when it names none. */
    @Get("/environments/{env}/agents")
    public HttpResponse<List<AgentView>> agents(@PathVariable String env) {
        List<AgentView> agents = board.of(env);
        return agents.isEmpty() ? HttpResponse.notFound() : HttpResponse.ok(agents);
    }

    private static HttpResponse<Map<String, Object>> bad(String why) {
        return HttpResponse.<Map<String, Object>>badRequest().body(Map.of("error", why));
    }
}
