package io.plumbline.provider.aws;

import java.util.List;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The account as a team has it before Plumbline: the hopper VPC and its subnets, security groups, the EKS cluster
 * Example with its nodegroup, the worker Auto Scaling group, the frontend ALB and the example.com zone, all made
 * through the SDK the way eksctl, the console or a script would. {@link #seedForExample} is the account the example
 * repository expects instead: the EKS system only, as hopper's file makes everything of hopper.
 */
public final class AwsBaseline {
    public static final String NODEGROUP = "ng-fa5e0fc5";
    public static final String GROUP = "hopper-t2-medium-nodes";
    /** The Auto Scaling group EKS made for the nodegroup, and its launch template, as the example names them. */
    public static final String EKS_GROUP = "eks-ng-fa5e0fc5-8ac5e3b1-2d7f-4c6e-9b1a-3f5d7e9c1a2b";
    public static final String EKS_TEMPLATE = "eks-8ac5e3b1-2d7f-4c6e-9b1a-3f5d7e9c1a2b";

    /** The ids a test needs to change things by hand. */
    public record Seeded(String vpcId, String bastionId, String masterId, String nodesId, String zoneId) {
    }

    /** eksctl's VPC and its two subnets, where the cluster and its load balancers live. */
    public record Eksctl(String vpcId, List<String> subnetIds) {
    }

    private AwsBaseline() {
    }

    public static Seeded seed(AwsClients aws) {
        var ec2 = aws.ec2();
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16").tagSpecifications(s -> s.resourceType(
                ResourceType.VPC).tags(tag("Name", "hopper"), tag("kubernetes.io/cluster/hopper", "shared"))))
                .vpc().vpcId();
        String privateSubnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/20")
                .availabilityZone("us-west-2a").tagSpecifications(s -> s.resourceType(ResourceType.SUBNET)
                        .tags(tag("Name", "hopper-private"), tag("kubernetes.io/role/internal-elb", "1")))).subnet()
                .subnetId();
        String publicSubnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.16.0/20")
                .availabilityZone("us-west-2b").tagSpecifications(s -> s.resourceType(ResourceType.SUBNET)
                        .tags(tag("Name", "hopper-public"), tag("kubernetes.io/role/elb", "1")))).subnet()
                .subnetId();
        String bastion = group(aws, vpc, "ssh-bastion");
        String master = group(aws, vpc, "k8s-master");
        String nodes = group(aws, vpc, "k8s-nodes");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(bastion).ipPermissions(p -> p.ipProtocol("tcp")
                .fromPort(22).toPort(22).ipRanges(i -> i.cidrIp("0.0.0.0/0"))));

        cluster(aws, List.of(privateSubnet, publicSubnet));

        aws.ec2().createLaunchTemplate(r -> r.launchTemplateName("k8s-node-1.10.3-t2-medium-001")
                .launchTemplateData(d -> d.imageId("ami-12c6146b").instanceType("t2.medium")));
        aws.autoScaling().createAutoScalingGroup(r -> r.autoScalingGroupName(GROUP).minSize(1).maxSize(1)
                .desiredCapacity(1).vpcZoneIdentifier(privateSubnet)
                .launchTemplate(t -> t.launchTemplateName("k8s-node-1.10.3-t2-medium-001"))
                .tags(t -> t.key("Name").value("hopper-k8s-node").propagateAtLaunch(true)));

        aws.elb().createLoadBalancer(r -> r.name("frontend-alb").subnets(privateSubnet, publicSubnet)
                .securityGroups(nodes).type("application"));
        String zone = frontend(aws, vpc);
        return new Seeded(vpc, bastion, master, nodes, zone);
    }

    /**
     * What the example's production and staging stand on, and nothing of hopper (its file creates all of it): the
     * EKS cluster Example in eksctl's own VPC, with its nodegroup and the Auto Scaling group EKS made for it, the
     * frontend ALB and the example.com zone.
     */
    public static Eksctl seedForExample(AwsClients aws) {
        var ec2 = aws.ec2();
        String vpc = ec2.createVpc(r -> r.cidrBlock("192.168.0.0/16").tagSpecifications(s -> s.resourceType(
                ResourceType.VPC).tags(tag("Name", "eksctl-Example-cluster/VPC")))).vpc().vpcId();
        List<String> subnets = List.of("a", "b").stream().map(zone -> ec2.createSubnet(r -> r.vpcId(vpc)
                .cidrBlock(zone.equals("a") ? "192.168.0.0/19" : "192.168.32.0/19").availabilityZone("us-west-2" + zone)
                .tagSpecifications(s -> s.resourceType(ResourceType.SUBNET).tags(tag("Name",
                        "eksctl-Example-cluster/SubnetPublicUSWEST2" + zone.toUpperCase()))))
                .subnet().subnetId()).toList();
        cluster(aws, subnets);
        ec2.createLaunchTemplate(r -> r.launchTemplateName(EKS_TEMPLATE)
                .launchTemplateData(d -> d.imageId("ami-12c6146b").instanceType("m5.large")));
        aws.autoScaling().createAutoScalingGroup(r -> r.autoScalingGroupName(EKS_GROUP).minSize(1).maxSize(2)
                .desiredCapacity(1).vpcZoneIdentifier(String.join(",", subnets))
                .launchTemplate(t -> t.launchTemplateName(EKS_TEMPLATE))
                .tags(t -> t.key("eks:nodegroup-name").value(NODEGROUP).propagateAtLaunch(true)));
        aws.elb().createLoadBalancer(r -> r.name("frontend-alb").subnets(subnets).type("application"));
        frontend(aws, vpc);
        return new Eksctl(vpc, subnets);
    }

    private static void cluster(AwsClients aws, List<String> subnets) {
        String role = "arn:aws:iam::" + MotoServer.ACCOUNT + ":role/eks";
        aws.eks().createCluster(r -> r.name("Example").roleArn(role).resourcesVpcConfig(v -> v.subnetIds(subnets)));
        aws.eks().createNodegroup(r -> r.clusterName("Example").nodegroupName(NODEGROUP).nodeRole(role)
                .subnets(subnets.get(0)).instanceTypes("m5.large").scalingConfig(s -> s.minSize(1).maxSize(2)
                        .desiredSize(1)));
    }

    /** The frontend's target group and the example.com zone; returns the zone's id. */
    private static String frontend(AwsClients aws, String vpc) {
        aws.elb().createTargetGroup(r -> r.name("frontend-tg").protocol("HTTP").port(8000).vpcId(vpc));
        return aws.route53().createHostedZone(r -> r.name("example.com").callerReference("seed-example"))
                .hostedZone().id();
    }

    private static String group(AwsClients aws, String vpc, String name) {
        return aws.ec2().createSecurityGroup(r -> r.groupName(name).description(name).vpcId(vpc)).groupId();
    }

    static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

}
