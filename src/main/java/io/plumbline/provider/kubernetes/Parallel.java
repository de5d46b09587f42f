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
 *
 * <p>One pool for the whole process: however many environments plan or apply at once, at most {@link #WIDTH} calls
 * are under way, and no call builds threads of its own.
 */
final class Parallel {
    /** Enough to hide round trips, few enough not to crowd an API server's in-flight limits. */
    static final int WIDTH = 8;
    private static final String THREAD = "kubernetes-call";
    private static final ExecutorService POOL = Executors.newFixedThreadPool(WIDTH, r -> {
        Thread t = new Thread(r, THREAD);
        t.setDaemon(true);
        return t;
    });

    private Parallel() {
    }

    static <T, R> List<R> map(List<T> items, Function<T, R> call) {
        // A call made from the pool itself runs in place: waiting there for the pool could wait for ever.
        if (items.size() <= 1 || Thread.currentThread().getName().equals(THREAD)) {
            return items.stream().map(call).toList();
        }
        List<Future<R>> futures = items.stream().map(i -> POOL.submit(() -> call.apply(i))).toList();
        try {
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the API server", e);
        } finally {
            // After a failure (or an interrupt) the calls not yet made are not made.
            futures.forEach(f -> f.cancel(true));
        }
    }
}
