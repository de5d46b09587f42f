package io.plumbline.provider.aws.autoscaling;

import io.plumbline.model.Change;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.aws.Body;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.autoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.autoscaling.model.TargetTrackingConfiguration;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * Target-tracking and step scaling policies (the latter with their alarms, {@link StepPolicies}). Those Plumbline
 * put carry its mark on their group ({@link MemberTags}); any other policy is left alone unless the group is
 * declared exclusive.
 */
public final class ScalingPolicies implements AwsKind {

    @Override
    public String kind() {
        return AwsKinds.SCALING_POLICY;
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        Set<String> groups = MemberTags.groups(ctx, MemberTags.POLICY);
        if (groups.isEmpty()) {
            return List.of();
        }
        List<ScalingPolicy> policies = ctx.aws().autoScaling().describePoliciesPaginator(r -> { }).scalingPolicies()
                .stream().filter(p -> groups.contains(p.autoScalingGroupName())).toList();
        Map<String, MetricAlarm> alarms = StepPolicies.alarms(ctx, policies);
        return policies.stream().map(p -> new Resource(ResourceKey.of(AwsKinds.PROVIDER, kind(),
                        p.autoScalingGroupName(), p.policyName()), body(p, alarms), MemberTags.owned(ctx,
                        MemberTags.POLICY, p.autoScalingGroupName(), p.policyName())))
                .toList();
    }

    private static Map<String, Object> body(ScalingPolicy p, Map<String, MetricAlarm> alarms) {
        TargetTrackingConfiguration t = p.targetTrackingConfiguration();
        Body body = Body.of().put("type", p.policyType());
        if (StepPolicies.TYPE.equals(p.policyType())) {
            StepPolicies.read(body, p, alarms.get(StepPolicies.alarmName(p.autoScalingGroupName(), p.policyName())));
        } else if (t != null) {
            body.put("metric", t.predefinedMetricSpecification() == null ? null
                            : t.predefinedMetricSpecification().predefinedMetricTypeAsString())
                    .put("target", t.targetValue()).put("disableScaleIn", Boolean.TRUE.equals(t.disableScaleIn()));
        }
        return body.build();
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        String group = change.key().namespace();
        String name = change.key().name();
        switch (change.action()) {
            case CREATE, UPDATE -> {
                Map<String, Object> b = change.desired().body();
                if (StepPolicies.TYPE.equals(b.get("type"))) {
                    StepPolicies.put(ctx, group, name, b);
                    MemberTags.mark(ctx, MemberTags.POLICY, group, name);
                    return;
                }
                ctx.aws().autoScaling().putScalingPolicy(r -> r.autoScalingGroupName(group).policyName(name)
                        .policyType("TargetTrackingScaling").targetTrackingConfiguration(t -> t
                                .predefinedMetricSpecification(m -> m.predefinedMetricType((String) b.get("metric")))
                                .targetValue(((Number) b.get("target")).doubleValue())
                                .disableScaleIn((Boolean) b.get("disableScaleIn"))));
                MemberTags.mark(ctx, MemberTags.POLICY, group, name);
            }
            case DELETE -> {
                ctx.aws().autoScaling().deletePolicy(r -> r.autoScalingGroupName(group).policyName(name));
                if (StepPolicies.TYPE.equals(change.actual().body().get("type"))) {
                    StepPolicies.delete(ctx, group, name);
                }
                if (change.actual().owned()) {
                    MemberTags.unmark(ctx, MemberTags.POLICY, group, name);
                }
            }
            default -> { }
        }
    }
}
