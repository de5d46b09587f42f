package io.plumbline.render.aws;

import io.plumbline.model.LoadedEnvironment;
import java.util.List;
import java.util.Set;

/** The AWS resource kinds, in the order they are applied (deletions run in reverse). */
public final class AwsKinds {
    public static final String PROVIDER = "aws";
    public static final String VPC = "Vpc";
    public static final String SUBNET = "Subnet";
    public static final String INTERNET_GATEWAY = "InternetGateway";
    public static final String ELASTIC_IP = "ElasticIp";
    public static final String NAT_GATEWAY = "NatGateway";
    public static final String ROUTE_TABLE = "RouteTable";
    public static final String SECURITY_GROUP = "SecurityGroup";
    public static final String SECURITY_GROUP_RULE = "SecurityGroupRule";
    public static final String IAM_ROLE = "IamRole";
    public static final String IAM_ROLE_POLICY = "IamRolePolicy";
    public static final String IAM_INSTANCE_PROFILE = "IamInstanceProfile";
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

    /** Whether the environment declares anything for AWS (the file alone says so; no client is needed). */
    public static boolean declaredIn(LoadedEnvironment env) {
        return env.environment().spec().aws() != null;
    }

    /**
     * The network first (VPCs, their subnets and internet gateways, Elastic IPs before the NAT gateways that use
     * them, route tables last as their routes point at the gateways), then groups before their rules, roles before
     * their policies and the instance profiles that hold them, launch templates (which name groups and profiles)
     * before the instances, nodegroups and Auto Scaling groups made from them, certificates before the listeners
     * that use them, listeners before the DNS aliases that point at them. Deletions run in reverse: records,
     * listeners, certificates, groups of instances, instances, templates, profiles, role policies, roles, rules,
     * security groups, then the network.
     */
    public static final List<String> APPLY_ORDER = List.of(VPC, SUBNET, INTERNET_GATEWAY, ELASTIC_IP, NAT_GATEWAY,
            ROUTE_TABLE, SECURITY_GROUP, SECURITY_GROUP_RULE, IAM_ROLE, IAM_ROLE_POLICY, IAM_INSTANCE_PROFILE,
            LAUNCH_TEMPLATE, INSTANCE, CLUSTER_TAG, ECR_REPOSITORY,
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
    public static final Set<String> CREATED = Set.of(VPC, SUBNET, INTERNET_GATEWAY, ELASTIC_IP, NAT_GATEWAY,
            ROUTE_TABLE, SECURITY_GROUP, SECURITY_GROUP_RULE, IAM_ROLE, IAM_ROLE_POLICY, IAM_INSTANCE_PROFILE,
            LAUNCH_TEMPLATE, INSTANCE, ECR_REPOSITORY, SCHEDULED_ACTION, SCALING_POLICY, CERTIFICATE, LISTENER,
            DNS_RECORD);

    private AwsKinds() {
    }
}
