package io.plumbline.render.aws;

import io.plumbline.model.LoadedEnvironment;

/**
 * The names of the AWS resource kinds, as the render gives them to desired objects. The order they are applied in
 * and which of them are created or members are the provider's: {@code provider.aws.KindClasses}.
 */
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

    private AwsKinds() {
    }
}
