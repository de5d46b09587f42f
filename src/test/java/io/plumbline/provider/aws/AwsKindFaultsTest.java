package io.plumbline.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.plumbline.model.Change;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.provider.ProviderException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What AWS answers and what Plumbline refuses are failures of the object; a fault of our own code is not, and goes
 * up to the reconcile, which logs it with its stack, counts it as unexpected and retries it with the backoff.
 */
class AwsKindFaultsTest {
    private static final Change CREATE = Change.create(Resource.desired(
            ResourceKey.of("aws", "EcrRepository", "", "frontend"), Map.of("name", "frontend")));

    private static AwsKind throwing(RuntimeException e) {
        return new AwsKind() {
            @Override
            public String kind() {
                return "EcrRepository";
            }

            @Override
            public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
                return List.of();
            }

            @Override
            public void apply(AwsContext ctx, Change change) {
                throw e;
            }
        };
    }

    @Test
    void aNullPointerExceptionInAKindIsNotRecordedAsTheObjectsFailure() {
        NullPointerException bug = new NullPointerException("tags");

        assertThatThrownBy(() -> throwing(bug).applyAll(null, List.of(CREATE))).isSameAs(bug);
    }

    @Test
    void aFailureThatMayPassAndARefusalStayTheObjects() {
        assertThat(throwing(ProviderException.retryable("aws: throttled", null)).applyAll(null, List.of(CREATE)))
                .extracting(ObjectResult::result, ObjectResult::permanent)
                .containsExactly(tuple(ObjectResult.Result.FAILED, false));
        assertThat(throwing(ProviderException.refused("aws: may not be replaced")).applyAll(null, List.of(CREATE)))
                .extracting(ObjectResult::result, ObjectResult::permanent)
                .containsExactly(tuple(ObjectResult.Result.FAILED, true));
    }
}
