package io.plumbline.model.spec.haproxy;

import io.plumbline.model.spec.Durations;
import java.time.Duration;

/**
 * What a migration checks during each step: an instant Prometheus query whose value must stay at most {@code max}.
 *
 * @param prometheus the Prometheus server's base URL ({@code http://prometheus:9090})
 * @param query      a PromQL expression of one value (an error ratio, a latency quantile), on one line
 * @param interval   how often it is checked during a step (a duration, at most the step's hold)
 */
public record Analysis(String prometheus, String query, Double max, String interval) {
    public Duration intervalDuration() {
        return Durations.parse(interval);
    }
}
