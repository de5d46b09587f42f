package io.plumbline.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

class SharedReadsTest {
    private final SharedReads shared = new SharedReads(Duration.ofMinutes(10));
    private final AtomicInteger calls = new AtomicInteger();

    private String list(SharedReads.Scope scope) {
        return scope.read("ECR repositories", () -> "read " + calls.incrementAndGet());
    }

    private static ExecutionAttributes call(String operation) {
        ExecutionAttributes attributes = new ExecutionAttributes();
        attributes.putAttribute(SdkExecutionAttribute.SERVICE_NAME, "Ecr");
        attributes.putAttribute(SdkExecutionAttribute.OPERATION_NAME, operation);
        return attributes;
    }

    @Test
    void aListIsReadOnceForEveryEnvironmentOfTheRegionAndIdentity() {
        assertThat(list(shared.scope("us-west-2", null))).isEqualTo("read 1");
        assertThat(list(shared.scope("us-west-2", null))).isEqualTo("read 1");
        assertThat(list(shared.scope("eu-west-1", null))).isEqualTo("read 2");
        assertThat(list(shared.scope("us-west-2", "arn:aws:iam::123456789012:role/deploy"))).isEqualTo("read 3");
    }

    @Test
    void aWriteThroughTheScopesClientsForgetsItsReadsAndAReadDoesNot() {
        SharedReads.Scope scope = shared.scope("us-west-2", null);
        list(scope);
        scope.beforeExecution(null, call("DescribeRepositories"));
        scope.afterExecution(null, call("ListTagsForResource"));
        assertThat(list(scope)).isEqualTo("read 1");

        scope.beforeExecution(null, call("CreateRepository"));
        assertThat(list(scope)).isEqualTo("read 2");
        scope.onExecutionFailure(null, call("CreateRepository"));
        assertThat(list(scope)).as("forgotten again when the write ends, failed or not").isEqualTo("read 3");
        assertThat(list(shared.scope("eu-west-1", null))).as("another region's reads stay").isEqualTo("read 4");
    }

    @Test
    void aReadDuringWhichAWriteStartedOrEndedIsNotShared() {
        SharedReads.Scope scope = shared.scope("us-west-2", null);
        assertThat(scope.read("ECR repositories", () -> {
            scope.wrote();
            return "read before the write finished";
        })).isEqualTo("read before the write finished");
        assertThat(list(scope)).isEqualTo("read 1");
        assertThat(list(scope)).isEqualTo("read 1");
    }

    @Test
    void aReadIsReadAgainOnceItsWindowHasPassed() {
        SharedReads.Scope scope = new SharedReads(Duration.ofMillis(50)).scope("us-west-2", null);
        list(scope);
        await().atMost(Duration.ofSeconds(10)).until(() -> !list(scope).equals("read 1"));
    }

    @Test
    void aZeroWindowSharesNothing() {
        SharedReads.Scope scope = SharedReads.OFF.scope("us-west-2", null);
        list(scope);
        assertThat(list(scope)).isEqualTo("read 2");
    }
}
