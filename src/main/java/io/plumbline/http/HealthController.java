package io.plumbline.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.plumbline.app.BuildVersion;
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
        body.put("version", BuildVersion.current());
        body.put("liveness", "UP");
        body.put("readiness", engine.ready() ? "UP" : "DOWN");
        body.put("lastFetchedCommit", engine.lastFetchedCommit().orElse(""));
        fleet(body);
        if (!engine.ready()) {
            body.put("reason", engine.notReadyBecause());
        }
        return body;
    }

    /** Ready or not, a replica of a fleet says which environments it reconciles now. */
    @Get("/readiness")
    public HttpResponse<Map<String, Object>> readiness() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", engine.ready() ? "UP" : "DOWN");
        if (!engine.ready()) {
            body.put("reason", engine.notReadyBecause());
        }
        fleet(body);
        return engine.ready() ? HttpResponse.ok(body)
                : HttpResponse.<Map<String, Object>>status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    private void fleet(Map<String, Object> body) {
        if (!engine.replica().isEmpty()) {
            body.put("replica", engine.replica());
            body.put("owned", engine.owned());
        }
    }
}
