package io.plumbline.provider.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Account-wide list reads (every VPC, every ECR repository, every Auto Scaling group of a region...) shared by the
 * environments that reach the same account the same way: one {@link Scope} per region and role, the connection (its
 * endpoint and base credentials) being one per provider. Without it, every environment's drift check lists the same
 * objects of the account again, and ECR's list grows with the number of environments times their repositories.
 *
 * <p>A read is shared for {@link #WINDOW} at most, and never across a write: any write call this process makes
 * through the scope's clients (create, update, delete, tag, of any kind: one kind's writes change what others list,
 * such as cluster tags on VPCs or a group's member tags) forgets every read of the scope, when it starts and again
 * when it ends, and a read that was under way meanwhile is not kept. A plan after an apply therefore reads again.
 * Only what the object is, never its ownership at deletion, may rest on a shared read: {@link MarksAtDeletion} reads
 * a kind again, past this memory, before deleting any of its objects.
 */
public final class SharedReads {
    /**
     * How long a list is shared: shorter than the one-minute drift interval, so that each check of an environment
     * finds a read no older than this, and a change made by hand is seen within one drift interval plus this window.
     */
    public static final Duration WINDOW = Duration.ofSeconds(25);
    /** Nothing shared: every read goes to AWS (the hand clients of tests, providers built with a zero window). */
    public static final SharedReads OFF = new SharedReads(Duration.ZERO);

    private final Duration window;
    private final Map<String, Scope> scopes = new ConcurrentHashMap<>();

    public SharedReads(Duration window) {
        this.window = window;
    }

    /** The reads shared by clients of {@code region} acting as {@code role} ({@code null}: the base credentials). */
    Scope scope(String region, String role) {
        return scopes.computeIfAbsent(region + "|" + (role == null ? "" : role), k -> new Scope());
    }

    /** The shared reads of one region and identity, forgotten on any write made through its clients. */
    public final class Scope implements ExecutionInterceptor {
        private record Read(Object value, Instant at, long generation) {
        }

        private final Map<String, Read> reads = new ConcurrentHashMap<>();
        private final AtomicLong generation = new AtomicLong();

        private Scope() {
        }

        /**
         * What {@code read} returns, from a read of the same {@code name} made within the window and since the last
         * write, else read now (and shared unless a write started or ended meanwhile). {@code name} must say
         * everything the read depends on: only reads of the whole account, never one filtered for an environment.
         */
        @SuppressWarnings("unchecked")
        public <T> T read(String name, Supplier<T> read) {
            if (window.isZero()) {
                return read.get();
            }
            Instant now = Instant.now();
            long current = generation.get();
            Read known = reads.get(name);
            if (known != null && known.generation() == current && now.isBefore(known.at().plus(window))) {
                return (T) known.value();
            }
            T value = read.get();
            if (generation.get() == current) {
                reads.put(name, new Read(value, now, current));
            }
            return value;
        }

        /** Forgets every read of the scope: this process is writing to the account. */
        void wrote() {
            generation.incrementAndGet();
            reads.clear();
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            forgetOnWrite(attributes);
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            forgetOnWrite(attributes);
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            forgetOnWrite(attributes);
        }

        private void forgetOnWrite(ExecutionAttributes attributes) {
            if (new CallCounter.Call(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)).writes()) {
                wrote();
            }
        }
    }
}
