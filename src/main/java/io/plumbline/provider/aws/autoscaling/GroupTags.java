package io.plumbline.provider.aws.autoscaling;

import io.plumbline.model.spec.aws.AutoScalingGroup;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.render.aws.ComputeRender;
import io.plumbline.model.spec.aws.GroupTag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

/** The tags of an Auto Scaling group: read back in the declared form, written with this environment's marks. */
final class GroupTags {
    private GroupTags() {
    }

    /**
     * The tags among {@code keys} (those the environment declares), sorted by key: a tag added by hand is not
     * Plumbline's to remove, a declared one removed or changed by hand is drift.
     */
    static List<Map<String, Object>> declared(List<TagDescription> tags, Set<String> keys) {
        return tags.stream().filter(t -> keys.contains(t.key()))
                .sorted(Comparator.comparing(TagDescription::key))
                .map(t -> ComputeRender.tag(new GroupTag(t.key(), t.value(), t.propagateAtLaunch()))).toList();
    }

    /** The declared tags and the marks (not propagated: instances carry the marks of the group only). */
    static List<Tag> list(AwsContext ctx, String group, AutoScalingGroup declared) {
        List<Tag> tags = new ArrayList<>();
        declared.tags().forEach(t -> tags.add(tag(group, t.key(), t.value(), t.propagateAtLaunch())));
        ctx.ownershipTags().forEach((k, v) -> tags.add(tag(group, k, v, false)));
        return tags;
    }

    private static Tag tag(String group, String key, String value, boolean propagate) {
        return Tag.builder().resourceId(group).resourceType("auto-scaling-group").key(key).value(value)
                .propagateAtLaunch(propagate).build();
    }
}
