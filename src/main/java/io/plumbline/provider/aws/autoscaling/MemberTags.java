package io.plumbline.provider.aws.autoscaling;

import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsMarks;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

/**
 * Ownership marks for scheduled actions and scaling policies, which cannot be tagged: the Auto Scaling group
 * carries a tag {@code plumbline:action:<name>} (or {@code plumbline:policy:<name>}) whose value is the
 * environment that created that member. It is written with the member and removed with it.
 */
final class MemberTags {
    static final String ACTION = "plumbline:action:";
    static final String POLICY = "plumbline:policy:";
    /** AWS limits tag keys to 128 characters. */
    private static final int MAX_KEY = 128;

    private MemberTags() {
    }

    /** Whether the member carries this environment's mark and its group is not tagged shared. */
    static boolean owned(AwsContext ctx, String prefix, String group, String member) {
        Map<String, String> tags = tags(ctx, group);
        return ctx.environment().equals(tags.get(prefix + member)) && !AwsMarks.shared(tags);
    }

    /** The groups this environment declares or has marked members in: the only ones whose members are read. */
    static Set<String> groups(AwsContext ctx, String prefix) {
        Set<String> names = ctx.spec().autoscaling().groups().stream().map(g -> g.name())
                .collect(Collectors.toSet());
        ctx.lookup().autoScalingGroups().forEach((name, g) -> {
            if (g.tags().stream().anyMatch(t -> t.key().startsWith(prefix)
                    && ctx.environment().equals(t.value()))) {
                names.add(name);
            }
        });
        return names;
    }

    static void mark(AwsContext ctx, String prefix, String group, String member) {
        String key = key(prefix, group, member);
        ctx.aws().autoScaling().createOrUpdateTags(r -> r.tags(t -> t.resourceId(group)
                .resourceType("auto-scaling-group").key(key).value(ctx.environment()).propagateAtLaunch(false)));
    }

    static void unmark(AwsContext ctx, String prefix, String group, String member) {
        String key = key(prefix, group, member);
        ctx.aws().autoScaling().deleteTags(r -> r.tags(t -> t.resourceId(group).resourceType("auto-scaling-group")
                .key(key)));
    }

    private static String key(String prefix, String group, String member) {
        String key = prefix + member;
        if (key.length() > MAX_KEY) {
            throw ProviderException.refused("aws: the name of " + member + " in Auto Scaling group " + group
                    + " is too long to carry Plumbline's mark (at most " + (MAX_KEY - prefix.length())
                    + " characters)");
        }
        return key;
    }

    private static Map<String, String> tags(AwsContext ctx, String group) {
        AutoScalingGroup g = ctx.lookup().autoScalingGroups().get(group);
        return g == null ? Map.of() : AwsMarks.autoScaling(g.tags());
    }
}
