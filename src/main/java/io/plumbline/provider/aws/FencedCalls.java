package io.plumbline.provider.aws;

import io.plumbline.provider.Fence;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Checks the fence of the apply under way on the calling thread before every SDK call it makes: each create, modify
 * and delete, each read before a write, each round of a wait. The clients are shared by the environments of a region,
 * so the fence travels with the thread that applies (the AWS kinds call the SDK on that thread only); a call made
 * outside an apply (observe, plan) is not fenced.
 */
final class FencedCalls implements ExecutionInterceptor {
    static final FencedCalls INSTANCE = new FencedCalls();
    private static final ThreadLocal<Fence> CURRENT = new ThreadLocal<>();

    private FencedCalls() {
    }

    /** The calls of this thread are fenced by {@code fence} until the scope closes. */
    static Scope enter(Fence fence) {
        Fence outer = CURRENT.get();
        CURRENT.set(fence);
        return () -> {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        };
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Fence fence = CURRENT.get();
        if (fence != null) {
            fence.check();
        }
    }

    /** The span of an apply; closing it unfences the thread's calls. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
