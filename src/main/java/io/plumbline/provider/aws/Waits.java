package io.plumbline.provider.aws;

import io.plumbline.provider.ProviderException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Bounded waits for AWS to finish something (a certificate issued, a nodegroup update done). */
public final class Waits {
    private Waits() {
    }

    /** Asks every poll interval until {@code done}; gives up with a retryable error at the context's bound. */
    public static void until(AwsContext ctx, String what, BooleanSupplier done) {
        Instant deadline = Instant.now().plus(ctx.waitBound());
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw ProviderException.retryable("aws: gave up waiting " + ctx.waitBound().toSeconds()
                        + "s for " + what, null);
            }
            sleep(ctx.pollInterval());
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.retryable("aws: interrupted while waiting", e);
        }
    }
}
