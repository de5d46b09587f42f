package io.plumbline.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One bound on the calls under way for the whole process, however many environments plan at once. */
class ParallelTest {
    private final Set<String> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    private Integer call(Integer item) {
        threads.add(Thread.currentThread().getName() + "#" + Thread.currentThread().getId());
        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            Thread.onSpinWait();
            return item * 2;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Test
    void manyCallsAndCallersShareOneBoundedSetOfThreads() {
        List<Integer> items = IntStream.range(0, 50).boxed().toList();

        List<CompletableFuture<List<Integer>>> callers = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> Parallel.map(items, this::call))).toList();

        callers.forEach(c -> assertThat(c.join()).isEqualTo(items.stream().map(i -> i * 2).toList()));
        for (int i = 0; i < 10; i++) {
            Parallel.map(items, this::call);
        }
        assertThat(threads).hasSizeLessThanOrEqualTo(Parallel.WIDTH);
        assertThat(most.get()).isLessThanOrEqualTo(Parallel.WIDTH);
    }

    @Test
    void theFirstFailureIsThrownAndACallFromThePoolRunsInPlace() {
        assertThatThrownBy(() -> Parallel.map(List.of(1, 2, 3), i -> {
            if (i == 2) {
                throw new IllegalArgumentException("refused " + i);
            }
            return i;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("refused 2");

        List<List<Integer>> nested = Parallel.map(List.of(1, 2), i -> Parallel.map(List.of(i, i + 10), j -> j));
        assertThat(nested).containsExactly(List.of(1, 11), List.of(2, 12));
    }
}
