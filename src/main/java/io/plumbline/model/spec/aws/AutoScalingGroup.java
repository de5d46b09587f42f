package io.plumbline.model.spec.aws;

import java.util.List;

/** @param desired the initial capacity only: once an autoscaler moves it within [min, max] it is not drift */
public record AutoScalingGroup(String name, int min, int max, Integer desired,
                               List<ScheduledAction> scheduledActions, List<TargetTracking> targetTracking) {
    public AutoScalingGroup {
        scheduledActions = scheduledActions == null ? List.of() : List.copyOf(scheduledActions);
        targetTracking = targetTracking == null ? List.of() : List.copyOf(targetTracking);
    }
}
