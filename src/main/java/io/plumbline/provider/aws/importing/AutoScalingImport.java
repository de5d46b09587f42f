package io.plumbline.provider.aws.importing;

import io.plumbline.importer.Commented;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.autoscaling.model.ScheduledUpdateGroupAction;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

/**
 * Auto Scaling groups in the VPC's subnets (or carrying the scope's tags) with their scheduled actions and target
 * tracking policies. A group is declared without {@code launchTemplate}: such a group must exist and is only sized,
 * so its hand-made template (which Plumbline cannot adopt) stays as it is. Its actions and policies, when it has any and
 * all of them are read, are taken over with {@code exclusive: true}, which marks them (and would remove any other).
 */
final class AutoScalingImport {
    private static final Set<String> METRICS = Set.of("ASGAverageCPUUtilization", "ASGAverageNetworkIn",
            "ASGAverageNetworkOut", "ALBRequestCountPerTarget");
    private final AutoScalingClient autoScaling;
    private final Collected collected;

    AutoScalingImport(AutoScalingClient autoScaling, Collected collected) {
        this.autoScaling = autoScaling;
        this.collected = collected;
    }

    /** {@code {groups: […]}}, or null when none is in scope. */
    Map<String, Object> read(Set<String> subnetIds, Map<String, String> tags) {
        List<Object> groups = new ArrayList<>();
        for (AutoScalingGroup g : autoScaling.describeAutoScalingGroupsPaginator(r -> { }).autoScalingGroups()) {
            List<String> subnets = g.vpcZoneIdentifier() == null || g.vpcZoneIdentifier().isBlank() ? List.of()
                    : List.of(g.vpcZoneIdentifier().split(","));
            boolean inVpc = !subnets.isEmpty() && subnetIds.containsAll(subnets);
            boolean tagged = !tags.isEmpty() && Ec2Names.carries(g.tags(), TagDescription::key, TagDescription::value,
                    tags);
            if (inVpc || tagged) {
                groups.add(new Commented(g.autoScalingGroupARN(), group(g)));
                collected.count("Auto Scaling group");
            }
        }
        return groups.isEmpty() ? null : new LinkedHashMap<>(Map.of("groups", groups));
    }

    private Map<String, Object> group(AutoScalingGroup g) {
        String name = g.autoScalingGroupName();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("min", g.minSize());
        out.put("max", g.maxSize());
        out.put("desired", g.desiredCapacity());
        List<Object> actions = new ArrayList<>();
        for (ScheduledUpdateGroupAction a : autoScaling.describeScheduledActionsPaginator(r -> r
                .autoScalingGroupName(name)).scheduledUpdateGroupActions()) {
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("name", a.scheduledActionName());
            action.put("recurrence", a.recurrence());
            action.put("startTime", a.recurrence() == null && a.startTime() != null ? a.startTime().toString() : null);
            action.put("endTime", a.endTime() == null ? null : a.endTime().toString());
            action.put("timeZone", a.timeZone());
            action.put("min", a.minSize());
            action.put("max", a.maxSize());
            action.put("desired", a.desiredCapacity());
            actions.add(action);
            collected.count("scheduled action");
        }
        List<Object> tracking = new ArrayList<>();
        boolean unread = false;
        for (ScalingPolicy p : autoScaling.describePoliciesPaginator(r -> r.autoScalingGroupName(name))
                .scalingPolicies()) {
            var config = p.targetTrackingConfiguration();
            if (!"TargetTrackingScaling".equals(p.policyType()) || config == null
                    || config.predefinedMetricSpecification() == null
                    || !METRICS.contains(config.predefinedMetricSpecification().predefinedMetricTypeAsString())) {
                collected.leave("scaling policy " + p.policyName() + " of " + name, "a " + p.policyType()
                        + " policy the import does not read (only target tracking on a predefined metric); it stays"
                        + " on the group, not managed here");
                unread = true;
                continue;
            }
            Map<String, Object> policy = new LinkedHashMap<>();
            policy.put("name", p.policyName());
            policy.put("metric", config.predefinedMetricSpecification().predefinedMetricTypeAsString());
            policy.put("target", config.targetValue());
            policy.put("disableScaleIn", Boolean.TRUE.equals(config.disableScaleIn()) ? true : null);
            tracking.add(policy);
            collected.count("target tracking policy");
        }
        out.put("scheduledActions", actions.isEmpty() ? null : actions);
        out.put("targetTracking", tracking.isEmpty() ? null : tracking);
        if (!unread && (!actions.isEmpty() || !tracking.isEmpty())) {
            // every action and policy is declared, so exclusive takes them over and removes none
            out.put("exclusive", true);
        } else if (unread) {
            collected.leave("scheduled actions and policies of " + name, "the group has a policy the file does not"
                    + " hold, so it is not declared exclusive (which would delete that policy): its actions and"
                    + " policies show as adopt and stay unmarked; declare the rest and add exclusive: true");
        }
        String template = g.launchTemplate() != null ? g.launchTemplate().launchTemplateName()
                : g.mixedInstancesPolicy() != null ? "(a mixed instances policy)" : g.launchConfigurationName();
        if (template != null) {
            collected.leave("launch template " + template + " of group " + name, "Plumbline cannot adopt a launch"
                    + " template: the group is declared without one and only sized; declare a new template under"
                    + " another name when the next image comes");
        }
        return out;
    }
}
