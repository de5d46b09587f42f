package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;

/**
 * @param desired   the initial capacity only: once an autoscaler moves it within [min, max] it is not drift
 * @param exclusive every scheduled action and scaling policy of the group is Plumbline's: others are deleted
 */
public record AutoScalingGroup(String name, int min, int max, Integer desired,
                               List<ScheduledAction> scheduledActions, List<TargetTracking> targetTracking,
                               Boolean exclusive) {
    public AutoScalingGroup {
        scheduledActions = Lists.of(scheduledActions);
        targetTracking = Lists.of(targetTracking);
        exclusive = exclusive != null && exclusive;
    }
}
