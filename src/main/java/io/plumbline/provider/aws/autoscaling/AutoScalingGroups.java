package io.plumbline.provider.aws.autoscaling;

import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.model.spec.aws.AutoScalingGroup;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.provider.aws.AwsMarks;
import io.plumbline.provider.aws.Waits;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.aws.Body;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.autoscaling.model.Tag;

/**
 * Auto Scaling groups. A group declared with a launch template is created from it (default version, so a new
 * template version reaches new instances) with its subnets and tags and this environment's marks, and deleted
 * when it carries the marks, is no longer declared and pruning is on. A group declared without one must exist and
 * is only sized.
 */
public final class AutoScalingGroups implements AwsKind {

    @Override
    public String kind() {
        return AwsKinds.AUTO_SCALING_GROUP;
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        Map<String, software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup> found =
                ctx.lookup().autoScalingGroups();
        List<Resource> out = new ArrayList<>();
        found.forEach((name, g) -> {
            Map<String, String> tags = AwsMarks.autoScaling(g.tags());
            Resource declared = desired.stream().filter(d -> d.key().name().equals(name)).findFirst().orElse(null);
            if (declared != null || ctx.owned(tags)) {
                Body body = Body.of().put("min", g.minSize()).put("max", g.maxSize())
                        .put("desired", g.desiredCapacity())
                        .put("launchTemplate", g.launchTemplate() == null ? null
                                : g.launchTemplate().launchTemplateName())
                        .put("subnets", g.vpcZoneIdentifier() == null || g.vpcZoneIdentifier().isEmpty() ? null
                                : Arrays.stream(g.vpcZoneIdentifier().split(","))
                                .map(id -> ctx.refs().subnetName(id.trim())).sorted().toList())
                        .put("tags", GroupTags.declared(g.tags(), declaredKeys(declared)));
                out.add(new Resource(ResourceKey.of(AwsKinds.PROVIDER, kind(), "", name), body.build(),
                        ctx.owned(tags)));
            }
        });
        return out;
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        String name = change.key().name();
        if (change.action() == Action.DELETE) {
            ctx.aws().autoScaling().deleteAutoScalingGroup(r -> r.autoScalingGroupName(name).forceDelete(true));
            Waits.until(ctx, "Auto Scaling group " + name + " to be deleted", () -> ctx.aws().autoScaling()
                    .describeAutoScalingGroups(r -> r.autoScalingGroupNames(name)).autoScalingGroups().isEmpty());
            return;
        }
        AutoScalingGroup declared = ctx.spec().autoscaling().groups().stream().filter(g -> g.name().equals(name))
                .findFirst().orElseThrow();
        Map<String, Object> body = change.desired().body();
        if (change.actual() == null && declared.launchTemplate() == null) {
            throw ProviderException.refused("aws: Auto Scaling group " + name + " does not exist; Plumbline sizes "
                    + "existing groups and creates only groups declared with a launchTemplate");
        }
        if (change.actual() == null) {
            ctx.aws().autoScaling().createAutoScalingGroup(r -> r.autoScalingGroupName(name)
                    .minSize(number(body, "min")).maxSize(number(body, "max")).desiredCapacity(number(body, "desired"))
                    .launchTemplate(t -> t.launchTemplateName(declared.launchTemplate()).version("$Default"))
                    .vpcZoneIdentifier(subnets(ctx, declared)).tags(GroupTags.list(ctx, name, declared)));
            return;
        }
        ctx.aws().autoScaling().updateAutoScalingGroup(r -> {
            r.autoScalingGroupName(name).minSize(number(body, "min")).maxSize(number(body, "max"))
                    .desiredCapacity(number(body, "desired"));
            if (declared.launchTemplate() != null) {
                r.launchTemplate(t -> t.launchTemplateName(declared.launchTemplate()).version("$Default"))
                        .vpcZoneIdentifier(subnets(ctx, declared));
            }
        });
        if (declared.launchTemplate() != null) {
            List<Tag> tags = GroupTags.list(ctx, name, declared);
            ctx.aws().autoScaling().createOrUpdateTags(r -> r.tags(tags));
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> declaredKeys(Resource declared) {
        if (declared == null) {
            return Set.of();
        }
        return ((List<Map<String, Object>>) declared.body().getOrDefault("tags", List.of())).stream()
                .map(t -> (String) t.get("key")).collect(Collectors.toSet());
    }

    private static String subnets(AwsContext ctx, AutoScalingGroup g) {
        return String.join(",", g.subnets().stream().map(s -> ctx.refs().subnetId(g.vpc(), s)).toList());
    }

    static Integer number(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value == null ? null : ((Number) value).intValue();
    }
}
