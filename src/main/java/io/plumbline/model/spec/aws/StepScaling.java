package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;

/**
 * A step-scaling policy and the CloudWatch alarm that triggers it.
 *
 * @param adjustmentType ChangeInCapacity, PercentChangeInCapacity or ExactCapacity
 */
public record StepScaling(String name, String adjustmentType, List<Step> steps, Alarm alarm) {
    public StepScaling {
        steps = Lists.of(steps);
    }

    /** Bounds are relative to the alarm's threshold; an absent bound is open. */
    public record Step(Double lower, Double upper, int adjustment) {
    }

    /**
     * @param metric     a metric of the group, such as CPUUtilization (namespace AWS/EC2, dimension the group)
     * @param comparison GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold or
     *                   LessThanOrEqualToThreshold
     * @param periodSeconds seconds per evaluation
     */
    public record Alarm(String metric, String statistic, double threshold, String comparison, int periodSeconds,
                        int evaluationPeriods) {
    }
}
