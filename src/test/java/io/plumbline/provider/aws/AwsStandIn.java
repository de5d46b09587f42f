package io.plumbline.provider.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in of our own, for the faults neither Toxiproxy (which sees bytes, not requests) nor moto can give: an HTTP
 * proxy in front of moto that passes requests on, but for one fault per operation. {@link #throttling} answers the
 * first request of each operation of each service ({@code ec2 RunInstances}, {@code iam CreateRole}...) itself with
 * the throttle the request's service speaks (EC2's {@code RequestLimitExceeded} with HTTP 503, the query services' {@code Throttling},
 * the JSON services' {@code TooManyRequestsException}, EKS's HTTP 429); a throttled request never reaches moto, as
 * at AWS. {@link #losingAnswers} passes the first request of each named operation to moto and then closes the
 * connection without an answer: the write was made, the client does not know it.
 */
final class AwsStandIn implements AutoCloseable {
    /** The service of a request, from its SigV4 credential scope: {@code .../us-west-2/ec2/aws4_request}. */
    private static final Pattern SERVICE = Pattern.compile("Credential=[^/]+/[^/]+/[^/]+/([^/]+)/aws4_request");
    private static final Pattern ACTION = Pattern.compile("(?:^|&)Action=([A-Za-z0-9]+)");
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect",
            "transfer-encoding", "upgrade", "keep-alive");
    private final URI upstream;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicLong faults = new AtomicLong();
    /** The operations whose first answer is lost; null: throttle the first request of every operation instead. */
    private final Set<String> losing;

    private AwsStandIn(URI upstream, Set<String> losing) throws IOException {
        this.upstream = upstream;
        this.losing = losing;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static AwsStandIn throttling(URI upstream) throws IOException {
        return new AwsStandIn(upstream, null);
    }

    /** @param operations query actions such as {@code CreateVpc} */
    static AwsStandIn losingAnswers(URI upstream, Set<String> operations) throws IOException {
        return new AwsStandIn(upstream, Set.copyOf(operations));
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many requests were throttled, or had their answers lost. */
    long faults() {
        return faults.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String service = service(exchange.getRequestHeaders().getFirst("Authorization"));
            String operation = operation(exchange, body);
            boolean first = (losing == null || losing.contains(operation)) && seen.add(service + " " + operation);
            // Once per operation: every service and every kind of call meets a throttle, and the apply stays short.
            if (first && losing == null) {
                faults.incrementAndGet();
                Throttle throttle = Throttle.of(service);
                throttle.headers().forEach(exchange.getResponseHeaders()::add);
                send(exchange, throttle.status(), throttle.body().getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> forward.header(name, v));
                }
            });
            HttpResponse<byte[]> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (first) {
                // moto made it; the client gets a closed connection instead of the answer
                faults.incrementAndGet();
                return;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            send(exchange, answer.statusCode(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The query action, the JSON target, or the REST method and path. */
    private static String operation(HttpExchange exchange, byte[] body) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null) {
            return target;
        }
        Matcher action = ACTION.matcher(new String(body, StandardCharsets.UTF_8));
        return action.find() ? action.group(1) : exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
    }

    private static String service(String authorization) {
        Matcher m = SERVICE.matcher(String.valueOf(authorization));
        return m.find() ? m.group(1) : "unknown";
    }

    /** A throttle as the service sends it. */
    private record Throttle(int status, Map<String, String> headers, String body) {
        static Throttle of(String service) {
            return switch (service) {
                case "ec2" -> new Throttle(503, Map.of("Content-Type", "text/xml"), "<Response><Errors><Error>"
                        + "<Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error>"
                        + "</Errors><RequestID>throttled</RequestID></Response>");
                case "acm", "ecr", "tagging" -> new Throttle(400, Map.of("Content-Type",
                        "application/x-amz-json-1.1"), "{\"__type\":\"TooManyRequestsException\","
                        + "\"message\":\"Rate exceeded\"}");
                case "eks" -> new Throttle(429, Map.of("Content-Type", "application/json",
                        "x-amzn-ErrorType", "TooManyRequestsException"), "{\"message\":\"Rate exceeded\"}");
                default -> new Throttle(400, Map.of("Content-Type", "text/xml"), "<ErrorResponse><Error>"
                        + "<Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>"
                        + "<RequestId>throttled</RequestId></ErrorResponse>");
            };
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
