package io.plumbline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Git host's status endpoint on 127.0.0.1: every request is checked by a {@link HostApi}, wrong ones are
 * answered with the host's error, accepted statuses are recorded. Answers queued with {@link #answerNext}
 * (rate limits, outages) are given before any checking, one per request.
 */
public final class StatusHostServer implements AutoCloseable {
    /** A canned answer: status, headers, body. */
    record Canned(int status, Map<String, String> headers, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HostApi api;
    private final HttpServer server;
    private final List<HostApi.Accepted> accepted = new ArrayList<>();
    private final List<String> answers = new ArrayList<>();
    private final Deque<Canned> canned = new ArrayDeque<>();

    private StatusHostServer(HostApi api, int port) {
        this.api = api;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public static StatusHostServer start(HostApi api) {
        return new StatusHostServer(api, 0);
    }

    /** On a given port, e.g. one a client was already pointed at while nothing listened there. */
    public static StatusHostServer startOn(HostApi api, int port) {
        return new StatusHostServer(api, port);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized StatusHostServer answerNext(int status, Map<String, String> headers, String body) {
        canned.add(new Canned(status, headers, body));
        return this;
    }

    public synchronized List<HostApi.Accepted> accepted() {
        return List.copyOf(accepted);
    }

    /** The status code of every request so far, in order, with the error body for rejected ones. */
    public synchronized List<String> answers() {
        return List.copyOf(answers);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            HostApi.Request request = new HostApi.Request(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), headers, parse(raw));
            Canned reply;
            synchronized (this) {
                reply = canned.poll();
                if (reply == null) {
                    HostApi.Answer answer = api.handle(request);
                    if (answer.accepted() != null) {
                        accepted.add(answer.accepted());
                    }
                    reply = new Canned(answer.status(), answer.headers(), answer.body());
                }
                answers.add(reply.status() + (reply.status() >= 400 ? " " + reply.body() : ""));
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private static JsonNode parse(byte[] raw) {
        try {
            return raw.length == 0 ? null : JSON.readTree(raw);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
