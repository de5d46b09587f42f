package io.plumbline.provider.aws;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records the newest SDK calls (once per call, not per retry) so tests and benchmarks can count reads and writes.
 * The service's provider lives for months and calls AWS for every environment on every drift check: only the
 * newest {@value #KEPT} calls are kept, and recording one costs the same however many came before.
 */
public final class CallCounter implements ExecutionInterceptor {
    static final int KEPT = 10_000;
    private final Deque<Call> calls = new ArrayDeque<>();

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
        Call call = new Call(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        synchronized (calls) {
            if (calls.size() == KEPT) {
                calls.removeFirst();
            }
            calls.addLast(call);
        }
    }

    /** The newest calls, oldest first. */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public List<Call> writes() {
        return calls().stream().filter(Call::writes).toList();
    }

    public void clear() {
        synchronized (calls) {
            calls.clear();
        }
    }
}
