package io.plumbline.render.aws;

import java.util.List;
import java.util.Set;

/** The AWS resource kinds, in the order they are applied (deletions run in reverse). */
public final class AwsKinds {
    public static final String PROVIDER = "aws";
    public static final String SECURITY_GROUP = "SecurityGroup";
    public static final String SECURITY_GROUP_RULE = "SecurityGroupRule";
    public static final String LAUNCH_TEMPLATE = "LaunchTemplate";
    public static final String INSTANCE = "Instance";
    public static final String CLUSTER_TAG = "ClusterTag";
    public static final String ECR_REPOSITORY = "EcrRepository";
    public static final String NODEGROUP = "Nodegroup";
    public static final String AUTO_SCALING_GROUP = "AutoScalingGroup";
    public static final String SCHEDULED_ACTION = "ScheduledAction";
    public static final String SCALING_POLICY = "ScalingPolicy";
    public static final String CERTIFICATE = "Certificate";
    public static final String LISTENER = "Listener";
    public static final String DNS_RECORD = "DnsRecord";

    /**
     * Groups before their rules, launch templates (which name the groups) before the instances, nodegroups and Auto
     * Scaling groups made from them, certificates before the listeners that use them, listeners before the DNS
     * aliases that point at them. Deletions run in reverse: records, listeners, certificates, groups of instances,
     * instances, templates, rules, security groups.
     */
    public static final List<String> APPLY_ORDER = List.of(SECURITY_GROUP, SECURITY_GROUP_RULE, LAUNCH_TEMPLATE,
            INSTANCE, CLUSTER_TAG, ECR_REPOSITORY,
            NODEGROUP, AUTO_SCALING_GROUP, SCHEDULED_ACTION, SCALING_POLICY, CERTIFICATE, LISTENER, DNS_RECORD);

    /**
     * Kinds that live inside a container (a security group, an Auto Scaling group): members without Plumbline's
     * marks are "not managed here" unless the container is declared {@code exclusive}.
     */
    public static final Set<String> MEMBERS = Set.of(SECURITY_GROUP_RULE, SCHEDULED_ACTION, SCALING_POLICY);

    /**
     * Kinds Plumbline creates and marks. An existing object of these kinds without the marks is adopted only when
     * the environment says so; the other kinds (cluster tags, nodegroup and group sizes) configure existing objects.
     */
    public static final Set<String> CREATED = Set.of(SECURITY_GROUP, SECURITY_GROUP_RULE, LAUNCH_TEMPLATE, INSTANCE,
            ECR_REPOSITORY,
            SCHEDULED_ACTION, SCALING_POLICY, CERTIFICATE, LISTENER, DNS_RECORD);

    /** Kinds that cost money while they exist, even idle: plans flag their creation. */
    public static final Set<String> COSTS_WHILE_IDLE = Set.of(INSTANCE);

    private AwsKinds() {
    }
}
