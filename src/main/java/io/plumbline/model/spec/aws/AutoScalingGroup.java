package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;

/**
 * @param desired        the initial capacity only: once an autoscaler moves it within [min, max] it is not drift
 * @param exclusive      every scheduled action and scaling policy of the group is Plumbline's: others are deleted
 * @param launchTemplate a launch template by name: the group is created from it (in {@code subnets} of {@code vpc})
 *                       when absent, and deleted when no longer declared; without it the group must exist and is
 *                       only sized
 * @param adopt          take over a group of this name that exists without Plumbline's marks
 */
public record AutoScalingGroup(String name, int min, int max, Integer desired,
                               List<ScheduledAction> scheduledActions, List<TargetTracking> targetTracking,
                               List<StepScaling> stepScaling, Boolean exclusive, String launchTemplate, String vpc,
                               List<String> subnets, List<GroupTag> tags, Boolean adopt) {
    public AutoScalingGroup {
        scheduledActions = Lists.of(scheduledActions);
        targetTracking = Lists.of(targetTracking);
        stepScaling = Lists.of(stepScaling);
        exclusive = exclusive != null && exclusive;
        subnets = Lists.of(subnets);
        tags = Lists.of(tags);
        adopt = adopt != null && adopt;
    }
}
