package io.plumbline.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** The service's counter keeps the newest calls only: months of drift checks do not fill the heap. */
class CallCounterTest {
    private static void record(CallCounter counter, String operation) {
        counter.beforeExecution(null, new ExecutionAttributes()
                .putAttribute(SdkExecutionAttribute.SERVICE_NAME, "Ec2")
                .putAttribute(SdkExecutionAttribute.OPERATION_NAME, operation));
    }

    @Test
    void keepsTheNewestCallsInOrder() {
        CallCounter counter = new CallCounter();
        record(counter, "CreateSecurityGroup");
        for (int i = 0; i < CallCounter.KEPT; i++) {
            record(counter, "DescribeSecurityGroups");
        }
        record(counter, "AuthorizeSecurityGroupIngress");

        assertThat(counter.calls()).hasSize(CallCounter.KEPT);
        assertThat(counter.writes()).extracting(CallCounter.Call::operation)
                .containsExactly("AuthorizeSecurityGroupIngress");
        assertThat(counter.calls().get(CallCounter.KEPT - 1).operation()).isEqualTo("AuthorizeSecurityGroupIngress");
    }
}
