package io.plumbline.report;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Sends a proxy agent's latest results to the service: {@code POST <service>/api/agents/<host>/report} with a
 * write token, the body {@code {"results": [...]}}. Every report carries all of the agent's environments, so one
 * lost report costs nothing but time, and each one tells the service the agent is alive.
 */
public final class CentralReporter {
    private final URI endpoint;
    private final Token token;
    private final HttpPoster poster;

    public CentralReporter(URI service, String host, Token token, Timeouts timeouts, Clock clock) {
        String base = service.toString().replaceAll("/+$", "");
        this.endpoint = URI.create(base + "/api/agents/" + host + "/report");
        this.token = token;
        this.poster = new HttpPoster("the service", timeouts, token, clock);
    }

    /** @throws StatusException when the service is unreachable or refuses the report */
    public void send(List<AgentResult> results) throws StatusException {
        poster.check(poster.postJson(endpoint, Map.of("Authorization", "Bearer " + token.value()),
                Map.of("results", results)));
    }

    public URI endpoint() {
        return endpoint;
    }
}
