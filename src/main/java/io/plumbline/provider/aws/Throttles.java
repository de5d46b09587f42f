package io.plumbline.provider.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Counts the attempts AWS answered with a throttle ({@code Throttling}, {@code RequestLimitExceeded},
 * {@code TooManyRequestsException}, HTTP 429...), by service. The SDK retries those itself (adaptive mode, see
 * {@link AwsClients}), so a throttled call that finally succeeds leaves no other trace: this is where an operator
 * sees that the account's request rate is the limit. The SDK's own judgement of an attempt ({@link CoreMetric#ERROR_TYPE}
 * {@code Throttling}) decides, so every protocol's spelling of a throttle counts the same.
 */
public final class Throttles implements MetricPublisher {
    private static final String THROTTLING = "Throttling";
    private final Consumer<String> onThrottle;
    private final Map<String, AtomicLong> byService = new ConcurrentHashMap<>();

    /** @param onThrottle told the service id ({@code EC2}, {@code ACM}) of each throttled attempt */
    public Throttles(Consumer<String> onThrottle) {
        this.onThrottle = onThrottle;
    }

    @Override
    public void publish(MetricCollection call) {
        String service = call.metricValues(CoreMetric.SERVICE_ID).stream().findFirst().orElse("unknown");
        call.children().forEach(attempt -> attempt.metricValues(CoreMetric.ERROR_TYPE).stream()
                .filter(THROTTLING::equals).forEach(t -> {
                    byService.computeIfAbsent(service, s -> new AtomicLong()).incrementAndGet();
                    onThrottle.accept(service);
                }));
    }

    /** Throttled attempts so far, by service id. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        byService.forEach((service, count) -> counts.put(service, count.get()));
        return counts;
    }

    @Override
    public void close() {
        // holds nothing to release: the counts live as long as the provider
    }
}
