package io.plumbline.provider.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Independent API calls a few at a time, as {@code kubectl} cannot: a thousand dry runs or writes of one rank
 * do not wait for each other. Results come back in the order of the items; the first failure is thrown.
 */
final class Parallel {
    /** Enough to hide round trips, few enough not to crowd an API server's in-flight limits. */
    static final int WIDTH = 8;

    private Parallel() {
    }

    static <T, R> List<R> map(List<T> items, Function<T, R> call) {
        if (items.size() <= 1) {
            return items.stream().map(call).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(WIDTH, items.size()), r -> {
            Thread t = new Thread(r, "kubernetes-call");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = items.stream().map(i -> pool.submit(() -> call.apply(i))).toList();
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the API server", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
