package io.plumbline.provider.aws.autoscaling;

import io.plumbline.provider.aws.AwsContext;
import io.plumbline.render.aws.Body;
import io.plumbline.render.aws.ComputeRender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.autoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.autoscaling.model.StepAdjustment;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * Step-scaling policies and the CloudWatch alarm of each, named {@code <group>-<policy>}, on a metric of the group.
 * The alarm is part of the policy: written after it (it points at the policy's ARN), deleted with it, and its
 * settings are compared as the policy's {@code alarm} field.
 */
final class StepPolicies {
    static final String TYPE = "StepScaling";
    private static final String NAMESPACE = "AWS/EC2";
    private static final String DIMENSION = "AutoScalingGroupName";

    private StepPolicies() {
    }

    static String alarmName(String group, String policy) {
        return group + "-" + policy;
    }

    /** The alarms of the given step policies, in one DescribeAlarms a hundred names at a time. */
    static Map<String, MetricAlarm> alarms(AwsContext ctx, List<ScalingPolicy> policies) {
        List<String> names = policies.stream().filter(p -> TYPE.equals(p.policyType()))
                .map(p -> alarmName(p.autoScalingGroupName(), p.policyName())).toList();
        List<MetricAlarm> found = new ArrayList<>();
        for (int i = 0; i < names.size(); i += 100) {
            List<String> page = names.subList(i, Math.min(names.size(), i + 100));
            found.addAll(ctx.aws().cloudWatch().describeAlarmsPaginator(r -> r.alarmNames(page)).metricAlarms()
                    .stream().toList());
        }
        return found.stream().collect(Collectors.toMap(MetricAlarm::alarmName, Function.identity(), (a, b) -> a));
    }

    /** Adds what a step policy is compared by to an observed policy's body. */
    static void read(Body body, ScalingPolicy p, MetricAlarm alarm) {
        body.put("adjustmentType", p.adjustmentType()).put("steps", p.stepAdjustments().stream()
                .map(s -> Body.of().put("lower", s.metricIntervalLowerBound()).put("upper", s.metricIntervalUpperBound())
                        .put("adjustment", s.scalingAdjustment()).build()).toList());
        if (alarm != null) {
            body.put("alarm", ComputeRender.alarm(alarm.metricName(), alarm.statisticAsString(), alarm.threshold(),
                    alarm.comparisonOperatorAsString(), alarm.period(), alarm.evaluationPeriods()));
        }
    }

    @SuppressWarnings("unchecked")
    static void put(AwsContext ctx, String group, String name, Map<String, Object> b) {
        List<StepAdjustment> steps = ((List<Map<String, Object>>) b.get("steps")).stream()
                .map(s -> StepAdjustment.builder().metricIntervalLowerBound(number(s.get("lower")))
                        .metricIntervalUpperBound(number(s.get("upper")))
                        .scalingAdjustment(((Number) s.get("adjustment")).intValue()).build()).toList();
        String arn = ctx.aws().autoScaling().putScalingPolicy(r -> r.autoScalingGroupName(group).policyName(name)
                .policyType(TYPE).adjustmentType((String) b.get("adjustmentType")).stepAdjustments(steps)).policyARN();
        Map<String, Object> a = (Map<String, Object>) b.get("alarm");
        ctx.aws().cloudWatch().putMetricAlarm(r -> r.alarmName(alarmName(group, name)).namespace(NAMESPACE)
                .metricName((String) a.get("metric")).statistic((String) a.get("statistic"))
                .threshold(((Number) a.get("threshold")).doubleValue())
                .comparisonOperator((String) a.get("comparison")).period(((Number) a.get("period")).intValue())
                .evaluationPeriods(((Number) a.get("evaluationPeriods")).intValue())
                .dimensions(d -> d.name(DIMENSION).value(group)).alarmActions(arn));
    }

    static void delete(AwsContext ctx, String group, String name) {
        ctx.aws().cloudWatch().deleteAlarms(r -> r.alarmNames(alarmName(group, name)));
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
