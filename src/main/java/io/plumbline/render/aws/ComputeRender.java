package io.plumbline.render.aws;

import static io.plumbline.render.aws.AwsRender.resource;

import io.plumbline.model.Resource;
import io.plumbline.model.spec.aws.AutoScalingGroup;
import io.plumbline.model.spec.aws.AwsSpec;
import io.plumbline.model.spec.aws.GroupTag;
import io.plumbline.model.spec.aws.Image;
import io.plumbline.model.spec.aws.Instance;
import io.plumbline.model.spec.aws.LaunchTemplate;
import io.plumbline.model.spec.aws.Nodegroup;
import io.plumbline.model.spec.aws.StepScaling;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Launch templates, instances, and the parts of Auto Scaling groups and nodegroups that Plumbline creates them with.
 * References (VPCs, subnets, security groups, instance profiles, images by name) stay names here: the provider
 * resolves them at apply time and reads what it finds back in the same words.
 */
public final class ComputeRender {
    /** User data is compared by digest, so a plan never prints a script that may hold a secret. */
    public static final String DIGEST = "sha256:";

    private ComputeRender() {
    }

    static List<Resource> launchTemplates(AwsSpec spec, Map<String, String> files) {
        return spec.compute().launchTemplates().stream().map(t -> resource(AwsKinds.LAUNCH_TEMPLATE, "", t.name(),
                launchTemplate(t, files))).toList();
    }

    static List<Resource> instances(AwsSpec spec) {
        return spec.compute().instances().stream().map(i -> resource(AwsKinds.INSTANCE, "", i.name(), instance(i)))
                .toList();
    }

    private static Map<String, Object> launchTemplate(LaunchTemplate t, Map<String, String> files) {
        return Body.of().put("image", image(t.image())).put("instanceType", t.instanceType())
                .put("instanceProfile", t.instanceProfile()).put("securityGroups", sorted(t.securityGroups()))
                .put("userData", t.userData() == null ? null : digest(files.get(t.userData().file())))
                .put("tags", new TreeMap<>(t.tags())).build();
    }

    private static Map<String, Object> instance(Instance i) {
        return Body.of().put("launchTemplate", i.launchTemplate()).put("image", image(i.image()))
                .put("instanceType", i.instanceType()).put("subnet", i.subnet())
                .put("securityGroups", sorted(i.securityGroups())).put("privateIp", i.privateIp())
                .put("instanceProfile", i.instanceProfile()).put("tags", new TreeMap<>(i.tags())).build();
    }

    /** The image as declared: {@code {id}} or {@code {name, owner}}. */
    public static Map<String, Object> image(Image image) {
        return image == null ? null : Body.of().put("id", image.id()).put("name", image.name())
                .put("owner", image.owner()).build();
    }

    /** The size of a group, and what a group made from a launch template is made with. */
    static Map<String, Object> group(AutoScalingGroup g) {
        Map<String, Object> body = AwsRender.size(g.min(), g.max(), g.desired());
        if (g.launchTemplate() != null) {
            body.put("launchTemplate", g.launchTemplate());
            body.put("subnets", sorted(g.subnets()));
            body.put("tags", g.tags().stream().sorted(Comparator.comparing(GroupTag::key)).map(ComputeRender::tag)
                    .toList());
        }
        return body;
    }

    public static Map<String, Object> tag(GroupTag t) {
        return Body.of().put("key", t.key()).put("value", t.value()).put("propagateAtLaunch", t.propagateAtLaunch())
                .build();
    }

    /** The size of a nodegroup, and what a nodegroup Plumbline creates is made with. */
    static Map<String, Object> nodegroup(Nodegroup n) {
        Map<String, Object> body = AwsRender.size(n.min(), n.max(), n.desired());
        if (n.nodeRole() != null) {
            body.put("instanceTypes", sorted(n.instanceTypes()));
            body.put("subnets", sorted(n.subnets()));
            body.put("labels", new TreeMap<>(n.labels()));
            body.put("nodeRole", n.nodeRole());
        }
        return body;
    }

    static Map<String, Object> stepScaling(StepScaling s) {
        StepScaling.Alarm a = s.alarm();
        return Body.of().put("type", "StepScaling").put("adjustmentType", s.adjustmentType())
                .put("steps", s.steps().stream().map(ComputeRender::step).toList())
                .put("alarm", alarm(a.metric(), a.statistic(), a.threshold(), a.comparison(), a.periodSeconds(),
                        a.evaluationPeriods())).build();
    }

    /** A step as compared: bounds as doubles, an open bound left out. */
    public static Map<String, Object> step(StepScaling.Step s) {
        return Body.of().put("lower", s.lower()).put("upper", s.upper()).put("adjustment", s.adjustment()).build();
    }

    public static Map<String, Object> alarm(String metric, String statistic, double threshold, String comparison,
                                            int period, int evaluationPeriods) {
        return Body.of().put("metric", metric).put("statistic", statistic).put("threshold", threshold)
                .put("comparison", comparison).put("period", period).put("evaluationPeriods", evaluationPeriods)
                .build();
    }

    /** The digest of user data as compared: {@code sha256:<hex>} of its UTF-8 bytes. */
    public static String digest(String text) {
        try {
            return DIGEST + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static List<String> sorted(List<String> names) {
        return names.isEmpty() ? null : names.stream().sorted().toList();
    }
}
