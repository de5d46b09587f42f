package io.plumbline.provider.aws;

import io.plumbline.model.Change;
import io.plumbline.provider.ProviderException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.retries.DefaultRetryStrategy;

/**
 * Idempotency tokens for the creates AWS would otherwise repeat ({@code RunInstances}, {@code CreateNatGateway}):
 * asked twice with one token, AWS answers with the object the first ask made instead of making a second one. The SDK
 * sends a retried attempt with the same token, so an answer lost on the way (a connection reset after AWS acted)
 * makes no second copy; and since the token is derived, not drawn, a service killed after the create and restarted
 * asks with the same token again, even when the new object is not yet listed (AWS's lists are eventually
 * consistent).
 *
 * <p>A token is the hash of the environment, the object's kind and name, the commit being applied and a
 * generation. The commit makes an object deleted by one commit and declared again by a later one a new object. The
 * generation covers the object deleted by hand and made again under the same commit: AWS answers the old token with
 * the deleted object, so the create asks again with the next generation, until it gets a live object (deterministic
 * too: a restarted service walks the same tokens). The objects are tagged in the same call
 * ({@code TagSpecifications}), so no create leaves an object without its marks.
 */
public final class ClientTokens {
    /** Deleted-and-made-again under one commit more often than this is not a retry but a fight: refused. */
    static final int GENERATIONS = 5;

    /**
     * For a create AWS offers no token for ({@code CreateVpc}, {@code CreateInternetGateway}, {@code AllocateAddress},
     * {@code CreateRouteTable} as moto and older regions take it): sent once, never retried by the SDK. A retry after
     * an answer lost on the way would make a second copy; without it, the apply fails and the next reconcile reads
     * first and finds the object, which carries its marks from the create itself ({@code TagSpecifications}). A
     * throttling answer is the one retried: AWS refused the call before acting on it, so it made nothing.
     */
    public static final AwsRequestOverrideConfiguration SENT_ONCE = AwsRequestOverrideConfiguration.builder()
            .addPlugin(client -> client.overrideConfiguration(o -> o.retryStrategy(
                    DefaultRetryStrategy.standardStrategyBuilder()
                            .retryOnException(ClientTokens::throttled)
                            .treatAsThrottling(ClientTokens::throttled)
                            .build())))
            .build();

    private static boolean throttled(Throwable e) {
        return e instanceof AwsServiceException a && a.isThrottlingException();
    }

    private ClientTokens() {
    }

    /** The token of {@code change}'s object at this generation: 32 hexadecimal characters (EC2 allows 64). */
    public static String of(AwsContext ctx, Change change, int generation) {
        String identity = String.join("\n", ctx.environment(), change.key().kind(), change.key().namespace(),
                change.key().name(), ctx.commit(), String.valueOf(generation));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Creates {@code change}'s object with the first generation's token whose answer is not {@code deleted}.
     *
     * @param create  sends the create with the token and returns what AWS answered
     * @param deleted whether the answer is an object that was deleted since (the token's earlier object)
     */
    public static <T> T create(AwsContext ctx, Change change, Function<String, T> create, Predicate<T> deleted) {
        for (int generation = 0; generation < GENERATIONS; generation++) {
            T made = create.apply(of(ctx, change, generation));
            if (!deleted.test(made)) {
                return made;
            }
        }
        throw ProviderException.refused("aws: " + change.key() + " was deleted again each of the " + GENERATIONS
                + " times it was made for commit " + ctx.commit() + "; it is made again with the next commit");
    }
}
