package io.plumbline.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Map;
import java.util.Optional;

/**
 * Guards {@code /api/**} with bearer tokens: reading (GET, HEAD) needs a read or write token, anything else a
 * write token. No token, or an unknown one: 401; a read token on a write: 403. {@code /health*},
 * {@code /prometheus} and the webhooks (which check their own signatures) are not behind it. The presented
 * token is never logged or echoed.
 */
@ServerFilter("/api/**")
public final class ApiAuthFilter {
    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;

    public ApiAuthFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** Null lets the request through; a response ends it here. */
    @RequestFilter
    @Nullable
    public MutableHttpResponse<Map<String, String>> authorise(HttpRequest<?> request) {
        Optional<ApiTokens.Scope> scope = request.getHeaders().getAuthorization()
                .filter(h -> h.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .flatMap(h -> tokens.scopeOf(h.substring(BEARER.length()).trim()));
        if (scope.isEmpty()) {
            return HttpResponse.<Map<String, String>>unauthorized()
                    .header("WWW-Authenticate", "Bearer realm=\"plumbline\"")
                    .body(Map.of("error", tokens.any() ? "a valid bearer token is required"
                            : "the API is closed: no plumbline.api tokens are configured"));
        }
        boolean reads = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        if (!reads && scope.get() != ApiTokens.Scope.WRITE) {
            return HttpResponse.<Map<String, String>>status(HttpStatus.FORBIDDEN)
                    .body(Map.of("error", "this token may only read; " + request.getMethod() + " needs a write token"));
        }
        return null;
    }
}
