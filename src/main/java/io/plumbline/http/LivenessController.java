package io.plumbline.http;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.Map;

/**
 * {@code /health/liveness}: 200 as soon as the server accepts requests. It needs no other bean on purpose: the
 * engine is still being built (Git cache, schema, history) when the first probe arrives, and a probe that waited
 * for it would make every start look slow, or fail a liveness check that only the process itself should decide.
 */
@Controller("/health/liveness")
public class LivenessController {
    private static final Map<String, String> UP = Map.of("status", "UP");

    @Get
    public Map<String, String> liveness() {
        return UP;
    }
}
