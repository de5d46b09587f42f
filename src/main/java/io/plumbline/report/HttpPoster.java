package io.plumbline.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Sends one JSON request to a host and sorts the answer into success or a {@link StatusException} of the right
 * kind. Holds the token only to scrub it out of any text that reaches a message.
 */
final class HttpPoster {
    /** What a host answered; reporters may look at it before {@link #check}. */
    record Response(int status, HttpHeaders headers, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String host;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final Token token;
    private final Clock clock;

    HttpPoster(String host, Timeouts timeouts, Token token, Clock clock) {
        this.host = host;
        this.client = HttpClient.newBuilder().connectTimeout(timeouts.connect())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = timeouts.request();
        this.token = token;
        this.clock = clock;
    }

    /** Posts {@code body} as JSON with the given headers; network failures are transient. */
    Response postJson(URI uri, Map<String, String> headers, Map<String, Object> body) throws StatusException {
        return send("POST", uri, headers, body);
    }

    /**
     * Sends a request, with {@code body} as JSON unless it is null; network failures are transient.
     * The response is returned whatever its status; see {@link #check}.
     */
    Response send(String method, URI uri, Map<String, String> headers, Map<String, Object> body)
            throws StatusException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout).header("User-Agent", "plumbline")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body() == null ? "" : r.body());
        } catch (IOException e) {
            String detail = e.getMessage() == null ? "" : ": " + token.redact(e.getMessage());
            throw StatusException.transientFailure(host + " unreachable at " + uri.getHost() + ":" + uri.getPort()
                    + detail + " (" + e.getClass().getSimpleName() + ")", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StatusException.transientFailure(host + " request interrupted", null);
        }
    }

    /** Returns on 2xx, else throws: rate limits with the wait asked for, 5xx transient, other 4xx permanent. */
    void check(Response response) throws StatusException {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return;
        }
        String message = host + " answered " + status + ": " + excerpt(response.body());
        if (RateLimits.isRateLimited(status, response.headers())) {
            throw StatusException.rateLimited(message, RateLimits.waitFrom(response.headers(), clock).orElse(null));
        }
        if (status >= 500 || status == 408) {
            throw StatusException.transientFailure(message, null);
        }
        throw StatusException.permanent(message);
    }

    String excerpt(String body) {
        String oneLine = token.redact(body).strip().replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
