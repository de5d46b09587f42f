package io.plumbline.provider.haproxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * One instant query to a Prometheus server's HTTP API ({@code GET /api/v1/query}). A vector of several series counts
 * as its largest value, the one a threshold is meant for; an empty vector, or NaN, as no value.
 */
final class PrometheusQuery {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private PrometheusQuery() {
    }

    /**
     * @param server the server's base URL, as the schema's grammar allows it (no user, query or fragment)
     * @throws Unavailable when the server cannot be reached or does not answer with a result
     */
    static OptionalDouble value(String server, String query) {
        URI uri = URI.create(server.replaceFirst("/$", "") + "/api/v1/query?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = CLIENT.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable("Prometheus at " + server + " cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while asking Prometheus at " + server);
        }
        return parse(server, response.statusCode(), response.body());
    }

    /** The value of an answer of the query API. */
    static OptionalDouble parse(String server, int status, String body) {
        JsonNode data;
        try {
            JsonNode answer = JSON.readTree(body);
            if (status != 200 || !"success".equals(answer.path("status").asText())) {
                throw new Unavailable("Prometheus at " + server + " answered " + status + ": "
                        + answer.path("error").asText("no error given"));
            }
            data = answer.path("data");
        } catch (IOException e) {
            throw new Unavailable("Prometheus at " + server + " answered " + status + " with no JSON");
        }
        JsonNode result = data.path("result");
        if ("scalar".equals(data.path("resultType").asText())) {
            return number(result.path(1).asText());
        }
        OptionalDouble largest = OptionalDouble.empty();
        for (JsonNode series : result) {
            OptionalDouble v = number(series.path("value").path(1).asText());
            if (v.isPresent() && (largest.isEmpty() || v.getAsDouble() > largest.getAsDouble())) {
                largest = v;
            }
        }
        return largest;
    }

    private static OptionalDouble number(String text) {
        try {
            double v = Double.parseDouble(text);
            return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** Prometheus could not be asked, or gave no answer to read. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }
}
