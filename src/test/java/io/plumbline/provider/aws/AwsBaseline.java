package io.plumbline.provider.aws;

import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The account as a team has it before Plumbline: the hopper VPC and its subnets, security groups, the EKS cluster
 * Example with its nodegroup, the worker Auto Scaling group, the frontend ALB and the example.com zone, all made
 * through the SDK the way eksctl, the console or a script would.
 */
public final class AwsBaseline {
    public static final String NODEGROUP = "ng-fa5e0fc5";
    public static final String GROUP = "hopper-t2-medium-nodes";

    /** The ids a test needs to change things by hand. */
    public record Seeded(String vpcId, String bastionId, String masterId, String nodesId, String zoneId) {
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

        String role = "arn:aws:iam::" + MotoServer.ACCOUNT + ":role/eks";
        aws.eks().createCluster(r -> r.name("Example").roleArn(role)
                .resourcesVpcConfig(v -> v.subnetIds(privateSubnet, publicSubnet)));
        aws.eks().createNodegroup(r -> r.clusterName("Example").nodegroupName(NODEGROUP).nodeRole(role)
                .subnets(privateSubnet).instanceTypes("m5.large").scalingConfig(s -> s.minSize(1).maxSize(2)
                        .desiredSize(1)));

        aws.ec2().createLaunchTemplate(r -> r.launchTemplateName("k8s-node-1.10.3-t2-medium-001")
                .launchTemplateData(d -> d.imageId("ami-12c6146b").instanceType("t2.medium")));
        aws.autoScaling().createAutoScalingGroup(r -> r.autoScalingGroupName(GROUP).minSize(1).maxSize(1)
                .desiredCapacity(1).vpcZoneIdentifier(privateSubnet)
                .launchTemplate(t -> t.launchTemplateName("k8s-node-1.10.3-t2-medium-001"))
                .tags(t -> t.key("Name").value("hopper-k8s-node").propagateAtLaunch(true)));

        aws.elb().createLoadBalancer(r -> r.name("frontend-alb").subnets(privateSubnet, publicSubnet)
                .securityGroups(nodes).type("application"));
        aws.elb().createTargetGroup(r -> r.name("frontend-tg").protocol("HTTP").port(8000).vpcId(vpc));
        String zone = aws.route53().createHostedZone(r -> r.name("example.com").callerReference("seed-example"))
                .hostedZone().id();
        return new Seeded(vpc, bastion, master, nodes, zone);
    }

    private static String group(AwsClients aws, String vpc, String name) {
        return aws.ec2().createSecurityGroup(r -> r.groupName(name).description(name).vpcId(vpc)).groupId();
    }

    static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

}
