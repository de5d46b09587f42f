package io.plumbline.render.aws;

import static io.plumbline.render.aws.AwsKinds.PROVIDER;

import io.plumbline.model.InvalidInputException;
import io.plumbline.model.Problem;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.model.spec.aws.AutoScalingGroup;
import io.plumbline.model.spec.aws.AwsSpec;
import io.plumbline.model.spec.aws.EcrLifecycle;
import io.plumbline.model.spec.aws.EcrRepository;
import io.plumbline.model.spec.aws.ScheduledAction;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The desired AWS resources of an environment, in apply order. Pure: no I/O. */
public final class AwsRender {
    private AwsRender() {
    }

    /** @param files the text of the repository files the environment names (policy documents, user data), by path */
    public static List<Resource> render(String file, AwsSpec spec, Map<String, String> files) {
        List<Resource> out = new ArrayList<>(VpcRender.render(spec));
        out.addAll(NetworkRender.securityGroups(spec));
        out.addAll(IamRender.render(spec.iam(), files));
        out.addAll(ComputeRender.launchTemplates(spec, files));
        out.addAll(ComputeRender.instances(spec));
        spec.clusterTags().forEach(t -> out.add(resource(AwsKinds.CLUSTER_TAG, t.resourceType(),
                t.resource() + " " + t.key(), Body.of().put("value", t.value()).build())));
        spec.ecr().repositories().forEach(r -> out.add(resource(AwsKinds.ECR_REPOSITORY, "", r.name(), ecr(r))));
        if (spec.eks() != null) {
            spec.eks().nodegroups().forEach(n -> out.add(resource(AwsKinds.NODEGROUP, spec.eks().cluster(),
                    n.name(), ComputeRender.nodegroup(n))));
        }
        for (AutoScalingGroup g : spec.autoscaling().groups()) {
            out.add(resource(AwsKinds.AUTO_SCALING_GROUP, "", g.name(), ComputeRender.group(g)));
        }
        for (AutoScalingGroup g : spec.autoscaling().groups()) {
            g.scheduledActions().forEach(a -> out.add(resource(AwsKinds.SCHEDULED_ACTION, g.name(), a.name(),
                    scheduled(file, g.name(), a))));
        }
        for (AutoScalingGroup g : spec.autoscaling().groups()) {
            g.targetTracking().forEach(t -> out.add(resource(AwsKinds.SCALING_POLICY, g.name(), t.name(),
                    Body.of().put("type", "TargetTrackingScaling").put("metric", t.metric())
                            .put("target", t.target()).put("disableScaleIn", t.disableScaleIn()).build())));
            g.stepScaling().forEach(s -> out.add(resource(AwsKinds.SCALING_POLICY, g.name(), s.name(),
                    ComputeRender.stepScaling(s))));
        }
        out.addAll(NetworkRender.edge(spec));
        return out;
    }

    static Resource resource(String kind, String namespace, String name, Map<String, Object> body) {
        return Resource.desired(ResourceKey.of(PROVIDER, kind, namespace, name), body);
    }

    /** Size of a group or nodegroup; {@code desired} is an initial value, reconciled by the provider's diff. */
    static Map<String, Object> size(int min, int max, Integer desired) {
        return Body.of().put("min", min).put("max", max).put("desired", desired).build();
    }

    static Map<String, Object> ecr(EcrRepository r) {
        return Body.of().put("tagMutability", r.tagMutability()).put("scanOnPush", r.scanOnPush())
                .put("lifecyclePolicy", r.lifecycle() == null ? null : lifecycle(r.lifecycle())).build();
    }

    /** The lifecycle policy document ECR stores; untagged expiry first, as ECR wants the "any" rule last. */
    public static Map<String, Object> lifecycle(EcrLifecycle l) {
        List<Object> rules = new ArrayList<>();
        if (l.expireUntaggedAfterDays() != null) {
            rules.add(rule(rules.size() + 1, "expire untagged images after " + l.expireUntaggedAfterDays() + " days",
                    Body.of().put("tagStatus", "untagged").put("countType", "sinceImagePushed")
                            .put("countUnit", "days").put("countNumber", l.expireUntaggedAfterDays()).build()));
        }
        if (l.keepLastImages() != null) {
            rules.add(rule(rules.size() + 1, "keep the last " + l.keepLastImages() + " images",
                    Body.of().put("tagStatus", "any").put("countType", "imageCountMoreThan")
                            .put("countNumber", l.keepLastImages()).build()));
        }
        return Map.of("rules", rules);
    }

    private static Map<String, Object> rule(int priority, String description, Map<String, Object> selection) {
        return Body.of().put("rulePriority", priority).put("description", description).put("selection", selection)
                .put("action", Map.of("type", "expire")).build();
    }

    static Map<String, Object> scheduled(String file, String group, ScheduledAction a) {
        return Body.of().put("recurrence", a.recurrence()).put("min", a.min()).put("max", a.max())
                .put("desired", a.desired()).put("startTime", instant(file, group, a, a.startTime()))
                .put("endTime", instant(file, group, a, a.endTime())).put("timeZone", a.timeZone()).build();
    }

    private static String instant(String file, String group, ScheduledAction a, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text).toString();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(Problem.inFile(file, "autoscaling group " + group
                    + ", scheduled action " + a.name() + ": '" + text
                    + "' is not an ISO-8601 instant (for example 2025-06-01T22:00:00Z)"));
        }
    }
}
