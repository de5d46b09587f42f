package io.plumbline.provider.aws;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records every SDK call (once per call, not per retry) so tests and benchmarks can count reads and writes. */
public final class CallCounter implements ExecutionInterceptor {
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /** One SDK call: the service's SDK name ({@code Ec2}, {@code Route53}) and the operation. */
    public record Call(String service, String operation) {
        public boolean writes() {
            return !(operation.startsWith("Describe") || operation.startsWith("List")
                    || operation.startsWith("Get"));
        }

        @Override
        public String toString() {
            return service + ":" + operation;
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.add(new Call(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> writes() {
        return calls.stream().filter(Call::writes).toList();
    }

    public void clear() {
        calls.clear();
    }
}
