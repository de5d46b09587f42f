package io.plumbline.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** Stand-ins for what the proxy sends traffic to: each answers every request with its own name. */
final class DemoBackends {
    static final int NEW_LOAD_BALANCER = 8091;
    static final int MONOLITH = 8092;

    private DemoBackends() {
    }

    static void start() throws IOException {
        serve(NEW_LOAD_BALANCER, "the new load balancer (EKS)\n");
        serve(MONOLITH, "the old monolith\n");
    }

    private static void serve(int port, String answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            try (var out = exchange.getResponseBody()) {
                if (!head) {
                    out.write(body);
                }
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }
}
