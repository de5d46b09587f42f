package io.plumbline.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Guards {@code /api/**} and the web page with the API's tokens: reading (GET, HEAD) needs a read or write token,
 * anything else a write token; a proxy agent's token may only post its own host's report
 * ({@code POST /api/agents/{its host}/report}) and nothing else, not even read. No token, or an unknown one: 401;
 * a token outside its scope: 403. The API takes a
 * bearer token; the page also takes HTTP Basic with the token as the password, so a browser can follow a link
 * from a commit status and ask for it. {@code /health*}, {@code /prometheus}, the page's static assets and the
 * webhooks (which check their own signatures) are not behind it. The presented token is never logged or echoed.
 */
@ServerFilter({"/api/**", "/", "/environments/**", "/plans/**"})
public final class ApiAuthFilter {
    private static final String BEARER = "Bearer ";
    private static final String BASIC = "Basic ";
    private static final String AGENTS = "/api/agents/";
    private static final String REPORT = "/report";

    private final ApiTokens tokens;

    public ApiAuthFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** Null lets the request through; a response ends it here. */
    @RequestFilter
    @Nullable
    public MutableHttpResponse<Map<String, String>> authorise(HttpRequest<?> request) {
        boolean page = !request.getPath().startsWith("/api/");
        Optional<ApiTokens.Scope> scope = request.getHeaders().getAuthorization().flatMap(ApiAuthFilter::token)
                .flatMap(tokens::scopeOf);
        if (scope.isEmpty()) {
            return HttpResponse.<Map<String, String>>unauthorized()
                    .header("WWW-Authenticate", (page ? "Basic" : "Bearer") + " realm=\"plumbline\"")
                    .body(Map.of("error", tokens.any() ? "a valid bearer token is required"
                            : "the API is closed: no plumbline.api tokens are configured"));
        }
        if (scope.get().access() == ApiTokens.Access.AGENT) {
            String own = AGENTS + scope.get().host().orElseThrow() + REPORT;
            return request.getMethod() == HttpMethod.POST && request.getPath().equals(own) ? null
                    : HttpResponse.<Map<String, String>>status(HttpStatus.FORBIDDEN).body(Map.of("error",
                            "an agent token may only report for its own host: POST " + own));
        }
        boolean reads = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        if (!reads && scope.get().access() != ApiTokens.Access.WRITE) {
            return HttpResponse.<Map<String, String>>status(HttpStatus.FORBIDDEN)
                    .body(Map.of("error", "this token may only read; " + request.getMethod() + " needs a write token"));
        }
        return null;
    }

    /** The token of a bearer header, or the password of a basic one. */
    private static Optional<String> token(String header) {
        if (header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(header.substring(BEARER.length()).trim());
        }
        if (header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            try {
                String pair = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
                        StandardCharsets.UTF_8);
                return pair.contains(":") ? Optional.of(pair.substring(pair.indexOf(':') + 1)) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
