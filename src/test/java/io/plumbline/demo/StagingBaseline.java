package io.plumbline.demo;

import io.plumbline.provider.aws.AwsBaseline;
import io.plumbline.provider.aws.AwsClients;

/** What staging already has in the demo account, beside the production baseline: its node group and load balancer. */
final class StagingBaseline {
    private StagingBaseline() {
    }

    static void seed(AwsClients aws, AwsBaseline.Eksctl eksctl) {
        aws.autoScaling().createAutoScalingGroup(r -> r.autoScalingGroupName("staging-t2-medium-nodes").minSize(1)
                .maxSize(1).desiredCapacity(1).vpcZoneIdentifier(eksctl.subnetIds().get(0))
                .launchTemplate(t -> t.launchTemplateName(AwsBaseline.EKS_TEMPLATE)));
        aws.elb().createLoadBalancer(r -> r.name("staging-frontend-alb").subnets(eksctl.subnetIds())
                .type("application"));
        aws.elb().createTargetGroup(r -> r.name("staging-frontend-tg").protocol("HTTP").port(8000)
                .vpcId(eksctl.vpcId()));
    }
}
