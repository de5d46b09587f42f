package io.plumbline.provider.aws;

import static io.plumbline.render.aws.AwsKinds.AUTO_SCALING_GROUP;
import static io.plumbline.render.aws.AwsKinds.CERTIFICATE;
import static io.plumbline.render.aws.AwsKinds.CLUSTER_TAG;
import static io.plumbline.render.aws.AwsKinds.DNS_RECORD;
import static io.plumbline.render.aws.AwsKinds.ECR_REPOSITORY;
import static io.plumbline.render.aws.AwsKinds.ELASTIC_IP;
import static io.plumbline.render.aws.AwsKinds.IAM_INSTANCE_PROFILE;
import static io.plumbline.render.aws.AwsKinds.IAM_ROLE;
import static io.plumbline.render.aws.AwsKinds.IAM_ROLE_POLICY;
import static io.plumbline.render.aws.AwsKinds.INSTANCE;
import static io.plumbline.render.aws.AwsKinds.INTERNET_GATEWAY;
import static io.plumbline.render.aws.AwsKinds.LAUNCH_TEMPLATE;
import static io.plumbline.render.aws.AwsKinds.LISTENER;
import static io.plumbline.render.aws.AwsKinds.NAT_GATEWAY;
import static io.plumbline.render.aws.AwsKinds.NODEGROUP;
import static io.plumbline.render.aws.AwsKinds.ROUTE_TABLE;
import static io.plumbline.render.aws.AwsKinds.SCALING_POLICY;
import static io.plumbline.render.aws.AwsKinds.SCHEDULED_ACTION;
import static io.plumbline.render.aws.AwsKinds.SECURITY_GROUP;
import static io.plumbline.render.aws.AwsKinds.SECURITY_GROUP_RULE;
import static io.plumbline.render.aws.AwsKinds.SUBNET;
import static io.plumbline.render.aws.AwsKinds.VPC;

import java.util.List;
import java.util.Set;

/**
 * What the provider knows of the kinds the render names ({@link io.plumbline.render.aws.AwsKinds}): the order they
 * are applied in, and the classes ownership treats apart. The render only needs the names; order and ownership are
 * the provider's business, so they live here.
 */
final class KindClasses {
    /**
     * The network first (VPCs, their subnets and internet gateways, Elastic IPs before the NAT gateways that use
     * them, route tables last as their routes point at the gateways), then groups before their rules, roles before
     * their policies and the instance profiles that hold them, launch templates (which name groups and profiles)
     * before the instances, nodegroups and Auto Scaling groups made from them, certificates before the listeners
     * that use them, listeners before the DNS aliases that point at them. Deletions run in reverse: records,
     * listeners, certificates, groups of instances, instances, templates, profiles, role policies, roles, rules,
     * security groups, then the network.
     */
    static final List<String> APPLY_ORDER = List.of(VPC, SUBNET, INTERNET_GATEWAY, ELASTIC_IP, NAT_GATEWAY,
            ROUTE_TABLE, SECURITY_GROUP, SECURITY_GROUP_RULE, IAM_ROLE, IAM_ROLE_POLICY, IAM_INSTANCE_PROFILE,
            LAUNCH_TEMPLATE, INSTANCE, CLUSTER_TAG, ECR_REPOSITORY,
            NODEGROUP, AUTO_SCALING_GROUP, SCHEDULED_ACTION, SCALING_POLICY, CERTIFICATE, LISTENER, DNS_RECORD);

    /**
     * Kinds that live inside a container (a security group, an Auto Scaling group): members without Plumbline's
     * marks are "not managed here" unless the container is declared {@code exclusive}.
     */
    static final Set<String> MEMBERS = Set.of(SECURITY_GROUP_RULE, SCHEDULED_ACTION, SCALING_POLICY);

    /**
     * Kinds Plumbline creates and marks. An existing object of these kinds without the marks is adopted only when
     * the environment says so; the other kinds (cluster tags, nodegroup and group sizes) configure existing objects.
     */
    static final Set<String> CREATED = Set.of(VPC, SUBNET, INTERNET_GATEWAY, ELASTIC_IP, NAT_GATEWAY,
            ROUTE_TABLE, SECURITY_GROUP, SECURITY_GROUP_RULE, IAM_ROLE, IAM_ROLE_POLICY, IAM_INSTANCE_PROFILE,
            LAUNCH_TEMPLATE, INSTANCE, ECR_REPOSITORY, SCHEDULED_ACTION, SCALING_POLICY, CERTIFICATE, LISTENER,
            DNS_RECORD);

    private KindClasses() {
    }
}
