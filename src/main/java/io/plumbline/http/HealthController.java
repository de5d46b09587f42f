package io.plumbline.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.plumbline.engine.Engine;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /health}: liveness (the process answers) and readiness (the repository was fetched, and its newest
 * commit could be loaded). {@code /health/readiness} answers 200 or 503 for probes; {@code /health/liveness} is
 * {@link LivenessController}.
 */
@Controller("/health")
public class HealthController {
    private final Engine engine;

    public HealthController(Engine engine) {
        this.engine = engine;
    }

    @Get
    public Map<String, Object> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.put("liveness", "UP");
        body.put("readiness", engine.ready() ? "UP" : "DOWN");
        body.put("lastFetchedCommit", engine.lastFetchedCommit().orElse(""));
        if (!engine.ready()) {
            body.put("reason", engine.notReadyBecause());
        }
        return body;
    }

    @Get("/readiness")
    public HttpResponse<Map<String, String>> readiness() {
        return engine.ready() ? HttpResponse.ok(Map.of("status", "UP"))
                : HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE)
                        .body(Map.of("status", "DOWN", "reason", engine.notReadyBecause()));
    }
}
