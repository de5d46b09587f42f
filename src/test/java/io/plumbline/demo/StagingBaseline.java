package io.plumbline.demo;

import io.plumbline.provider.aws.AwsClients;

/** What staging already has in the demo account, beside the production baseline: its node group and load balancer. */
final class StagingBaseline {
    private StagingBaseline() {
    }

    static void seed(AwsClients aws) {
        var subnets = aws.ec2().describeSubnets().subnets().stream().map(s -> s.subnetId()).toList();
        String vpc = aws.ec2().describeSubnets().subnets().get(0).vpcId();
        aws.autoScaling().createAutoScalingGroup(r -> r.autoScalingGroupName("staging-t2-medium-nodes").minSize(1)
                .maxSize(1).desiredCapacity(1).vpcZoneIdentifier(subnets.get(0))
                .launchTemplate(t -> t.launchTemplateName("k8s-node-1.10.3-t2-medium-001")));
        aws.elb().createLoadBalancer(r -> r.name("staging-frontend-alb").subnets(subnets).type("application"));
        aws.elb().createTargetGroup(r -> r.name("staging-frontend-tg").protocol("HTTP").port(8000).vpcId(vpc));
    }
}
