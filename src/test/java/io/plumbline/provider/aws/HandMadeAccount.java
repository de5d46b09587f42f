package io.plumbline.provider.aws;

import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * What a team adds by hand beside the account {@link AwsBaseline#seed} makes, for the import's round trip: an internet
 * gateway and a public route table, rules between the groups, the nodes' IAM role with its inline policy and
 * instance profile, scheduled scaling and a target tracking policy on the workers' group, and records in example.com.
 */
public final class HandMadeAccount {
    private HandMadeAccount() {
    }

    /** Adds what the team made by hand beside the seeded account. */
    public static void add(AwsClients hand, AwsBaseline.Seeded seeded) {
        var ec2 = hand.ec2();
        // A create moto answered too slowly is sent again by the test clients: the seed's VPC may have a twin, which
        // the import rightly refuses (AwsImportIT) and which is not what this account is about.
        ec2.describeVpcs(r -> r.filters(f -> f.name("tag:Name").values("hopper"))).vpcs().stream()
                .filter(v -> !v.vpcId().equals(seeded.vpcId()))
                .forEach(v -> ec2.deleteVpc(r -> r.vpcId(v.vpcId())));
        String igw = ec2.createInternetGateway(r -> r.tagSpecifications(s -> s.resourceType(
                ResourceType.INTERNET_GATEWAY).tags(AwsBaseline.tag("Name", "hopper-igw")))).internetGateway()
                .internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(seeded.vpcId()));
        String table = ec2.createRouteTable(r -> r.vpcId(seeded.vpcId()).tagSpecifications(s -> s.resourceType(
                ResourceType.ROUTE_TABLE).tags(AwsBaseline.tag("Name", "hopper-public")))).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(seeded.masterId()).ipPermissions(p -> p.ipProtocol("tcp")
                .fromPort(6443).toPort(6443).userIdGroupPairs(g -> g.groupId(seeded.nodesId()))));
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(seeded.nodesId()).ipPermissions(p -> p.ipProtocol("-1")
                .userIdGroupPairs(g -> g.groupId(seeded.nodesId()))));
        hand.iam().createRole(r -> r.roleName("K8sNode").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}").tags(t -> t.key("team").value("platform")));
        hand.iam().putRolePolicy(r -> r.roleName("K8sNode").policyName("k8s-node").policyDocument("{\"Version\":"
                + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ec2:DescribeInstances\"],"
                + "\"Resource\":\"*\"}]}"));
        // tagged: moto 5.2 has no ListInstanceProfileTags, which the provider reads an untagged profile's tags with
        hand.iam().createInstanceProfile(r -> r.instanceProfileName("K8sNode").tags(t -> t.key("team").value("platform")));
        hand.iam().addRoleToInstanceProfile(r -> r.instanceProfileName("K8sNode").roleName("K8sNode"));
        var scaling = hand.autoScaling();
        scaling.updateAutoScalingGroup(r -> r.autoScalingGroupName(AwsBaseline.GROUP).maxSize(3));
        scaling.putScheduledUpdateGroupAction(r -> r.autoScalingGroupName(AwsBaseline.GROUP)
                .scheduledActionName("nightly").recurrence("0 22 * * *").minSize(1).maxSize(1).desiredCapacity(1));
        scaling.putScalingPolicy(r -> r.autoScalingGroupName(AwsBaseline.GROUP).policyName("cpu-50")
                .policyType("TargetTrackingScaling").targetTrackingConfiguration(t -> t.targetValue(50.0)
                        .predefinedMetricSpecification(m -> m.predefinedMetricType("ASGAverageCPUUtilization"))));
        String zone = seeded.zoneId().replaceFirst("^/hostedzone/", "");
        hand.route53().changeResourceRecordSets(r -> r.hostedZoneId(zone).changeBatch(b -> b.changes(
                c -> c.action("CREATE").resourceRecordSet(s -> s.name("bastion.example.com").type("A").ttl(300L)
                        .resourceRecords(v -> v.value("203.0.113.10"))),
                c -> c.action("CREATE").resourceRecordSet(s -> s.name("example.com").type("TXT").ttl(300L)
                        .resourceRecords(v -> v.value("\"v=spf1 -all\""))))));
    }
}
