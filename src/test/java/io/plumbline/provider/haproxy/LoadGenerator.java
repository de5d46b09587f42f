package io.plumbline.provider.haproxy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends requests to one 127.0.0.1 address from a few threads with keep-alive connections until stopped or
 * until its time limit, and counts every answer that is not a 2xx (including connection errors).
 */
public final class LoadGenerator implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final long deadline;

    public LoadGenerator(URI target, int threadCount, Duration limit) {
        this.deadline = System.nanoTime() + limit.toNanos();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10)).GET().build();
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(() -> run(client, request), "load-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    private void run(HttpClient client, HttpRequest request) {
        while (running.get() && System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    ok.incrementAndGet();
                } else {
                    fail("HTTP " + response.statusCode());
                }
            } catch (java.io.IOException e) {
                fail(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void fail(String why) {
        failed.incrementAndGet();
        if (failures.size() < 10) {
            failures.add(why);
        }
    }

    public long ok() {
        return ok.get();
    }

    public long failed() {
        return failed.get();
    }

    /** The first few failures, for a readable assertion message. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(15).toMillis());
        }
    }
}
