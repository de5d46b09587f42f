package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;

/** @param desired the initial capacity only: once an autoscaler moves it within [min, max] it is not drift */
public record AutoScalingGroup(String name, int min, int max, Integer desired,
                               List<ScheduledAction> scheduledActions, List<TargetTracking> targetTracking) {
    public AutoScalingGroup {
        scheduledActions = Lists.of(scheduledActions);
        targetTracking = Lists.of(targetTracking);
    }
}
