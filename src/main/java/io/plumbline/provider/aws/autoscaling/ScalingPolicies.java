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

/**
 * Target-tracking scaling policies. Those Plumbline put carry its mark on their group ({@link MemberTags}); any
 * other policy is left alone unless the group is declared exclusive.
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
        return ctx.aws().autoScaling().describePoliciesPaginator(r -> { }).scalingPolicies().stream()
                .filter(p -> groups.contains(p.autoScalingGroupName()))
                .map(p -> new Resource(ResourceKey.of(AwsKinds.PROVIDER, kind(), p.autoScalingGroupName(),
                        p.policyName()), body(p), MemberTags.owned(ctx, MemberTags.POLICY, p.autoScalingGroupName(), p.policyName())))
                .toList();
    }

    private static Map<String, Object> body(ScalingPolicy p) {
        TargetTrackingConfiguration t = p.targetTrackingConfiguration();
        Body body = Body.of().put("type", p.policyType());
        if (t != null) {
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
                ctx.aws().autoScaling().putScalingPolicy(r -> r.autoScalingGroupName(group).policyName(name)
                        .policyType("TargetTrackingScaling").targetTrackingConfiguration(t -> t
                                .predefinedMetricSpecification(m -> m.predefinedMetricType((String) b.get("metric")))
                                .targetValue(((Number) b.get("target")).doubleValue())
                                .disableScaleIn((Boolean) b.get("disableScaleIn"))));
                MemberTags.mark(ctx, MemberTags.POLICY, group, name);
            }
            case DELETE -> {
                ctx.aws().autoScaling().deletePolicy(r -> r.autoScalingGroupName(group).policyName(name));
                if (change.actual().owned()) {
                    MemberTags.unmark(ctx, MemberTags.POLICY, group, name);
                }
            }
            default -> { }
        }
    }
}
