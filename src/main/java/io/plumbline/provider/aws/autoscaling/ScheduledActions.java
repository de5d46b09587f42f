package io.plumbline.provider.aws.autoscaling;

import static io.plumbline.provider.aws.autoscaling.AutoScalingGroups.number;

import io.plumbline.model.Change;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.aws.Body;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.autoscaling.model.ScheduledUpdateGroupAction;

/**
 * Scheduled actions, read for all groups in one paginated call. Those Plumbline put carry its mark on their group
 * ({@link MemberTags}); the others are left alone unless the group is declared exclusive.
 */
public final class ScheduledActions implements AwsKind {

    @Override
    public String kind() {
        return AwsKinds.SCHEDULED_ACTION;
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        Set<String> groups = MemberTags.groups(ctx, MemberTags.ACTION);
        if (groups.isEmpty()) {
            return List.of();
        }
        return ctx.aws().autoScaling().describeScheduledActionsPaginator(r -> { }).scheduledUpdateGroupActions()
                .stream().filter(a -> groups.contains(a.autoScalingGroupName()))
                .map(a -> new Resource(ResourceKey.of(AwsKinds.PROVIDER, kind(), a.autoScalingGroupName(),
                        a.scheduledActionName()), body(a), MemberTags.owned(ctx, MemberTags.ACTION, a.autoScalingGroupName(),
                        a.scheduledActionName())))
                .toList();
    }

    private static Map<String, Object> body(ScheduledUpdateGroupAction a) {
        return Body.of().put("recurrence", a.recurrence()).put("min", a.minSize()).put("max", a.maxSize())
                .put("desired", a.desiredCapacity()).put("startTime", text(a.startTime()))
                .put("endTime", text(a.endTime())).put("timeZone", a.timeZone()).build();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        String group = change.key().namespace();
        String name = change.key().name();
        switch (change.action()) {
            case CREATE, UPDATE -> {
                Map<String, Object> b = change.desired().body();
                ctx.aws().autoScaling().putScheduledUpdateGroupAction(r -> r.autoScalingGroupName(group)
                        .scheduledActionName(name).recurrence((String) b.get("recurrence"))
                        .minSize(number(b, "min")).maxSize(number(b, "max")).desiredCapacity(number(b, "desired"))
                        .startTime(instant(b.get("startTime"))).endTime(instant(b.get("endTime")))
                        .timeZone((String) b.get("timeZone")));
                MemberTags.mark(ctx, MemberTags.ACTION, group, name);
            }
            case DELETE -> {
                ctx.aws().autoScaling().deleteScheduledAction(r -> r.autoScalingGroupName(group)
                        .scheduledActionName(name));
                if (change.actual().owned()) {
                    MemberTags.unmark(ctx, MemberTags.ACTION, group, name);
                }
            }
            default -> { }
        }
    }

    private static Instant instant(Object text) {
        return text == null ? null : Instant.parse((String) text);
    }
}
