package io.plumbline.provider.aws;

import io.plumbline.model.Marks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The one rule for "carries this environment's marks" on AWS: the tag {@code plumbline:environment} naming the
 * environment and {@code plumbline:managed=true}, both. A tag naming another environment, a managed tag missing or
 * not {@code true}, or marks taken off since the plan, and the object is not this environment's. What carries the
 * marks and a {@code kubernetes.io/cluster/<name>=shared} tag is kept up to date but never deleted.
 *
 * <p>Every SDK has its own tag type; each is read into a map by a one-line adapter below, so that every kind judges
 * by this rule and none spells it again. (Members that cannot carry tags, scheduled actions and scaling policies,
 * are marked on their group; Route53 records by an owner record.)
 */
public record AwsMarks(String environment) {
    /** The tags put on everything Plumbline creates for this environment. */
    public Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(Marks.AWS_ENVIRONMENT_TAG, environment);
        tags.put(Marks.AWS_MANAGED_TAG, "true");
        return tags;
    }

    /** Carries this environment's marks, {@code shared} or not. */
    public boolean on(Map<String, String> tags) {
        return environment.equals(of(tags));
    }

    /** Carries this environment's marks and no {@code shared} cluster tag: Plumbline may delete it. */
    public boolean deletable(Map<String, String> tags) {
        return on(tags) && !shared(tags);
    }

    /** The environment whose marks {@code tags} carry, or null when they carry no complete marks. */
    public static String of(Map<String, String> tags) {
        return "true".equals(tags.get(Marks.AWS_MANAGED_TAG)) ? tags.get(Marks.AWS_ENVIRONMENT_TAG) : null;
    }

    /** Tagged {@code kubernetes.io/cluster/<name>=shared}: never deleted, marks or not. */
    public static boolean shared(Map<String, String> tags) {
        return tags.entrySet().stream().anyMatch(t -> t.getKey().startsWith(Marks.CLUSTER_TAG_PREFIX)
                && Marks.SHARED.equals(t.getValue()));
    }

    public static Map<String, String> ec2(List<software.amazon.awssdk.services.ec2.model.Tag> tags) {
        return map(tags, software.amazon.awssdk.services.ec2.model.Tag::key,
                software.amazon.awssdk.services.ec2.model.Tag::value);
    }

    public static Map<String, String> iam(List<software.amazon.awssdk.services.iam.model.Tag> tags) {
        return map(tags, software.amazon.awssdk.services.iam.model.Tag::key,
                software.amazon.awssdk.services.iam.model.Tag::value);
    }

    public static Map<String, String> elb(List<software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag> tags) {
        return map(tags, software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag::key,
                software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag::value);
    }

    public static Map<String, String> ecr(List<software.amazon.awssdk.services.ecr.model.Tag> tags) {
        return map(tags, software.amazon.awssdk.services.ecr.model.Tag::key,
                software.amazon.awssdk.services.ecr.model.Tag::value);
    }

    public static Map<String, String> autoScaling(
            List<software.amazon.awssdk.services.autoscaling.model.TagDescription> tags) {
        return map(tags, software.amazon.awssdk.services.autoscaling.model.TagDescription::key,
                software.amazon.awssdk.services.autoscaling.model.TagDescription::value);
    }

    static Map<String, String> tagging(List<software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag> tags) {
        return map(tags, software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag::key,
                software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag::value);
    }

    /** Tags by key, sorted, in a map of the caller's; a key AWS would never repeat keeps its first value. */
    private static <T> Map<String, String> map(List<T> tags, Function<T, String> key, Function<T, String> value) {
        Map<String, String> out = new TreeMap<>();
        tags.forEach(t -> out.putIfAbsent(key.apply(t), value.apply(t)));
        return out;
    }
}
