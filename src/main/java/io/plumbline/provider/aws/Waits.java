package io.plumbline.provider.aws;

import io.plumbline.provider.Poll;
import java.util.function.BooleanSupplier;

/**
 * Bounded waits for AWS to finish something (a certificate issued, a nodegroup update done). Not fenced here: every
 * SDK call a wait makes during an apply is fenced on its own ({@link FencedCalls}).
 */
public final class Waits {
    private Waits() {
    }

    /** Asks every poll interval until {@code done}; gives up with a retryable error at the context's bound. */
    public static void until(AwsContext ctx, String what, BooleanSupplier done) {
        Poll.every(ctx.pollInterval()).await(ctx.waitBound(), done, "aws: interrupted while waiting",
                () -> "aws: gave up waiting " + ctx.waitBound().toSeconds() + "s for " + what);
    }
}
