package io.plumbline.provider.aws.autoscaling;

import io.plumbline.model.Change;
import io.plumbline.model.Resource;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.aws.Body;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

/** The size bounds of existing Auto Scaling groups; Plumbline neither creates nor deletes groups. */
public final class AutoScalingGroups implements AwsKind {

    @Override
    public String kind() {
        return AwsKinds.AUTO_SCALING_GROUP;
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        Map<String, AutoScalingGroup> found = ctx.lookup().autoScalingGroups();
        return desired.stream().filter(d -> found.containsKey(d.key().name())).map(d -> {
            AutoScalingGroup g = found.get(d.key().name());
            return new Resource(d.key(), Body.of().put("min", g.minSize()).put("max", g.maxSize())
                    .put("desired", g.desiredCapacity()).build(), false);
        }).toList();
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        String name = change.key().name();
        if (change.actual() == null) {
            throw ProviderException.refused("aws: Auto Scaling group " + name + " does not exist; Plumbline sizes "
                    + "existing groups but does not create them");
        }
        Map<String, Object> body = change.desired().body();
        ctx.aws().autoScaling().updateAutoScalingGroup(r -> r.autoScalingGroupName(name)
                .minSize(number(body, "min")).maxSize(number(body, "max"))
                .desiredCapacity(number(body, "desired")));
    }

    static Integer number(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value == null ? null : ((Number) value).intValue();
    }
}
