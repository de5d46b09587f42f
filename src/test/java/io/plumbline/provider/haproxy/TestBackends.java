package io.plumbline.provider.haproxy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Small HTTP servers on 127.0.0.1, each answering every request with its own name; requests to {@code /hold}
 * are answered only after {@link #release()}, to keep a session open.
 */
public final class TestBackends implements AutoCloseable {
    static {
        // Headers and body are written apart; without TCP_NODELAY each answer waits for a delayed ACK (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final Map<String, HttpServer> servers = new LinkedHashMap<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private final CountDownLatch held = new CountDownLatch(1);

    public TestBackends(String... names) throws IOException {
        for (String name : names) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
            byte[] body = name.getBytes(StandardCharsets.UTF_8);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                if (exchange.getRequestURI().getPath().equals("/hold")) {
                    awaitRelease();
                }
                boolean head = exchange.getRequestMethod().equals("HEAD");
                exchange.sendResponseHeaders(200, head ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    if (!head) {
                        out.write(body);
                    }
                }
            });
            server.setExecutor(pool);
            server.start();
            servers.put(name, server);
        }
    }

    /** Answers the held requests. */
    public void release() {
        held.countDown();
    }

    private void awaitRelease() {
        try {
            held.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code 127.0.0.1:<port>} of the named backend. */
    public String address(String name) {
        return "127.0.0.1:" + servers.get(name).getAddress().getPort();
    }

    @Override
    public void close() {
        servers.values().forEach(s -> s.stop(0));
        pool.shutdownNow();
    }
}
