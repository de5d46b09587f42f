package io.plumbline.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.plumbline.provider.ProviderException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** A throttling, failing or silent endpoint is retried within the budget and then reported; nothing hangs. */
class AwsFailuresIT {
    /** EC2's error document: the first call of a reconcile reads VPCs. */
    private static final String THROTTLED = "<Response><Errors><Error><Code>Throttling</Code>"
            + "<Message>Rate exceeded</Message></Error></Errors><RequestID>1</RequestID></Response>";
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private URI answer(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static AwsProvider provider(URI endpoint, int attempts) {
        return new AwsProvider(new AwsConnection(Optional.of(endpoint),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")),
                Duration.ofSeconds(20), Duration.ofSeconds(2), attempts, Duration.ofMillis(100)));
    }

    @Test
    void throttlingIsRetriedThenReportedAsRetryable() throws IOException {
        URI endpoint = answer(400, THROTTLED);
        try (AwsProvider provider = provider(endpoint, 3)) {
            var env = Fixture.load("aws/production.yaml").environment();
            assertThatThrownBy(() -> provider.observe(env, provider.render(env)))
                    .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isTrue())
                    .hasMessageContaining("Throttling").hasMessageContaining("Rate exceeded");
            assertThat(requests.get()).isEqualTo(3);
        }
    }

    @Test
    void serverErrorsAreRetriedThenReported() throws IOException {
        URI endpoint = answer(503, "<Response><Errors><Error><Code>Unavailable</Code><Message>down</Message>"
                + "</Error></Errors></Response>");
        try (AwsProvider provider = provider(endpoint, 2)) {
            var env = Fixture.load("aws/production.yaml").environment();
            assertThatThrownBy(() -> provider.observe(env, provider.render(env)))
                    .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isTrue())
                    .hasMessageContaining("HTTP 503");
            assertThat(requests.get()).isEqualTo(2);
        }
    }

    @Test
    void anAnswerCutInsideItsHeadersIsAFailedReadNotAnEmptyList() throws Exception {
        // "200 OK", then the connection closes before the headers say how long the body is: the HTTP client reads
        // an empty body, which the SDK would parse as "no VPCs, no instances" and the plan would create them all.
        try (ServerSocket cutting = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             AwsProvider provider = provider(URI.create("http://127.0.0.1:" + cutting.getLocalPort()), 2)) {
            Thread server = new Thread(() -> {
                while (!cutting.isClosed()) {
                    try (var socket = cutting.accept()) {
                        requests.incrementAndGet();
                        socket.getInputStream().read(new byte[8192]);
                        socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        // closed by the test
                    }
                }
            }, "cutting-server");
            server.start();
            var env = Fixture.load("aws/production.yaml").environment();
            assertThatThrownBy(() -> provider.observe(env, provider.render(env)))
                    .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isTrue())
                    .hasMessageContaining("cut before its headers ended");
            assertThat(requests.get()).as("the cut answer is retried like any broken connection").isEqualTo(2);
        }
    }

    @Test
    void silentEndpointFailsWithinTheAttemptTimeout() throws IOException {
        // accepts connections but never answers: only the configured timeouts end the call
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             AwsProvider provider = provider(URI.create("http://127.0.0.1:" + silent.getLocalPort()), 2)) {
            var env = Fixture.load("aws/production.yaml").environment();
            assertThatThrownBy(() -> provider.observe(env, provider.render(env)))
                    .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isTrue());
        }
    }
}
