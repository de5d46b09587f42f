package io.plumbline.provider.aws;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * What the compute part of an environment stands on and next to, made by hand: the instance profiles (the IAM part
 * is declared elsewhere), and a team's own instance, template and group that Plumbline must never touch. The
 * seed's worker group is removed first, so the environment's group of the same name is created from nothing.
 */
final class HandCompute {
    static final String FOREIGN_INSTANCE = "team-jumpbox";
    static final String FOREIGN_GROUP = "team-batch";
    static final String USER_DATA = "#!/bin/bash\nkubeadm join 10.0.0.10:6443 --discovery-token-unsafe-skip-ca-verification\n";

    private HandCompute() {
    }

    /** Returns the id of the team's own instance. */
    static String prepare(MotoServer moto, AwsClients hand) {
        try (IamClient iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(moto.connection().credentials()).build()) {
            for (String name : new String[] {"K8sMaster", "K8sNode"}) {
                iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                        + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
                        + "\"Action\":\"sts:AssumeRole\"}]}"));
                iam.createInstanceProfile(r -> r.instanceProfileName(name));
                iam.addRoleToInstanceProfile(r -> r.instanceProfileName(name).roleName(name));
            }
        }
        hand.autoScaling().deleteAutoScalingGroup(r -> r.autoScalingGroupName(AwsBaseline.GROUP).forceDelete(true));
        String subnet = hand.ec2().describeSubnets(r -> r.filters(f -> f.name("tag:Name").values("hopper-private")))
                .subnets().get(0).subnetId();
        String instance = hand.ec2().runInstances(r -> r.imageId("ami-1e749f67").instanceType("t2.nano").minCount(1)
                .maxCount(1).subnetId(subnet).tagSpecifications(s -> s.resourceType(ResourceType.INSTANCE)
                        .tags(AwsBaseline.tag("Name", FOREIGN_INSTANCE)))).instances().get(0).instanceId();
        hand.autoScaling().createAutoScalingGroup(r -> r.autoScalingGroupName(FOREIGN_GROUP).minSize(0).maxSize(1)
                .desiredCapacity(0).vpcZoneIdentifier(subnet)
                .launchTemplate(t -> t.launchTemplateName("k8s-node-1.10.3-t2-medium-001")));
        return instance;
    }

    static boolean foreignUntouched(AwsClients hand, String instanceId) {
        var i = hand.ec2().describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances().get(0);
        boolean group = !hand.autoScaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames(FOREIGN_GROUP))
                .autoScalingGroups().isEmpty();
        boolean template = !hand.ec2().describeLaunchTemplates(r -> r.launchTemplateNames(
                "k8s-node-1.10.3-t2-medium-001")).launchTemplates().isEmpty();
        boolean nodegroup = hand.eks().listNodegroups(r -> r.clusterName("Example")).nodegroups()
                .contains(AwsBaseline.NODEGROUP);
        return i.state().nameAsString().equals("running") && i.instanceTypeAsString().equals("t2.nano") && group
                && template && nodegroup;
    }

    static Fixture environment() {
        return Fixture.load("aws/compute.yaml").file("userdata/node.sh", USER_DATA);
    }
}
