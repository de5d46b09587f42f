package io.plumbline.provider;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The providers' one way to wait for something: ask, and ask again after a pause, until an answer comes or time
 * runs out. The fence is checked before every pause and again when it ends, so a replica that lost the environment
 * neither waits on nor reads for it. The pause is cut short at the deadline, so no wait outlasts its timeout.
 *
 * <p>An interrupt ends the wait like a timeout: the answer is empty, and the thread keeps its interrupt flag so the
 * caller can tell the two apart ({@code Thread.currentThread().isInterrupted()}).
 */
public final class Poll {
    private final Duration first;
    private final Duration interval;
    private final Fence fence;

    private Poll(Duration first, Duration interval, Fence fence) {
        this.first = first;
        this.interval = interval;
        this.fence = fence;
    }

    /** Pauses {@code interval} between rounds. */
    public static Poll every(Duration interval) {
        return new Poll(interval, interval, Fence.NONE);
    }

    /**
     * The first pause is {@code first} (at most the interval), each next one twice as long up to the interval: a
     * wait that usually ends soon is seen ending soon, and a long one still costs few rounds.
     */
    public Poll startingAt(Duration first) {
        return new Poll(first.compareTo(interval) < 0 ? first : interval, interval, fence);
    }

    /** Checks {@code fence} before every pause and when it ends. */
    public Poll fencedBy(Fence fence) {
        return new Poll(first, interval, fence);
    }

    /**
     * @param probe asked at once and after every pause; empty while there is no answer yet
     * @return the first answer, or empty when {@code timeout} passed (or the thread was interrupted) without one
     */
    public <T> Optional<T> until(Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = first.toNanos();
        while (true) {
            Optional<T> answer = probe.get();
            if (answer.isPresent()) {
                return answer;
            }
            fence.check();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return answer;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(pause, left) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            pause = Math.min(pause * 2, interval.toNanos());
            fence.check();
        }
    }

    /**
     * Waits for {@code done} to hold, as {@link #until} does.
     *
     * @throws ProviderException retryable, with {@code interrupted} as its message when the thread was interrupted,
     *                           else with {@code late}'s when {@code timeout} passed
     */
    public void await(Duration timeout, BooleanSupplier done, String interrupted, Supplier<String> late) {
        if (until(timeout, () -> done.getAsBoolean() ? Optional.of(true) : Optional.empty()).isPresent()) {
            return;
        }
        throw ProviderException.retryable(Thread.currentThread().isInterrupted() ? interrupted : late.get(), null);
    }
}
