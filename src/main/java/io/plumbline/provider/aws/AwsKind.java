package io.plumbline.provider.aws;

import io.plumbline.model.Change;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Resource;
import io.plumbline.provider.ProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;

/** One kind of AWS resource: how to observe it in bulk and how to apply one change to it. */
public interface AwsKind {

    /** The kind in {@link io.plumbline.model.ResourceKey#kind()}, such as {@code SecurityGroupRule}. */
    String kind();

    /**
     * The actual objects of this kind that the environment declares or may own, read with a bounded number of
     * describe calls (paginated and filtered), never one per object unless AWS offers no batch read.
     */
    List<Resource> observe(AwsContext ctx, List<Resource> desired);

    /**
     * Fields AWS cannot change in place (a CIDR block, a zone). A change to one is refused in the plan and at apply:
     * Plumbline never replaces the object by itself.
     */
    default Set<String> immutableFields() {
        return Set.of();
    }

    /** Whether objects of this kind cost money for as long as they exist, used or not. */
    default boolean costsWhileIdle() {
        return false;
    }

    /**
     * Top-level body fields that hold a whole document (an IAM policy): compared on both sides, so a statement or
     * key added outside Plumbline is drift too. Other fields are compared only where declared.
     */
    default Set<String> documents() {
        return Set.of();
    }

    /** Applies one change; throws on failure. */
    void apply(AwsContext ctx, Change change);

    /** Applies the changes of this kind; kinds that batch (Route53) override this. One failure stops no other. */
    default List<ObjectResult> applyAll(AwsContext ctx, List<Change> changes) {
        List<ObjectResult> results = new ArrayList<>();
        for (Change c : changes) {
            try {
                apply(ctx, c);
                results.add(ObjectResult.done(c));
            } catch (RuntimeException e) {
                AwsErrors.rethrowUnexpected(e);
                // A 4xx that is not throttling is AWS refusing this change, and a refusal of Plumbline's own (an
                // instance that may not be replaced): trying the same commit again cannot help.
                boolean refused = e instanceof SdkException sdk ? !AwsErrors.retryable(sdk)
                        : e instanceof ProviderException p && !p.retryable();
                results.add(refused ? ObjectResult.rejected(c, AwsErrors.describe(e))
                        : ObjectResult.failed(c, AwsErrors.describe(e)));
            }
        }
        return results;
    }
}
