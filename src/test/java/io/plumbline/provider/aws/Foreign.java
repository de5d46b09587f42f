package io.plumbline.provider.aws;

import java.util.List;

/**
 * Objects a team made by hand next to and inside what Plumbline manages: a listener on the example's load
 * balancer, a record in its zone, a rule in a declared group, a scheduled action in a declared Auto Scaling group
 * and a repository. Plumbline must never delete them without being told.
 */
record Foreign(String listenerArn, String zoneId, String groupId) {

    static Foreign add(AwsClients hand, AwsBaseline.Seeded seeded) {
        String lb = hand.elb().describeLoadBalancers(r -> r.names("frontend-alb")).loadBalancers().get(0)
                .loadBalancerArn();
        String listener = hand.elb().createListener(r -> r.loadBalancerArn(lb).port(8080).protocol("HTTP")
                .defaultActions(a -> a.type("fixed-response").fixedResponseConfig(f -> f.statusCode("200")
                        .contentType("text/plain")))).listeners().get(0).listenerArn();
        hand.route53().changeResourceRecordSets(r -> r.hostedZoneId(seeded.zoneId()).changeBatch(b -> b.changes(
                c -> c.action("UPSERT").resourceRecordSet(s -> s.name("legacy.example.com").type("A").ttl(60L)
                        .resourceRecords(v -> v.value("192.0.2.10"))))));
        hand.ec2().authorizeSecurityGroupIngress(r -> r.groupId(seeded.masterId()).ipPermissions(p -> p
                .ipProtocol("tcp").fromPort(6379).toPort(6379).ipRanges(i -> i.cidrIp("203.0.113.0/24"))));
        hand.autoScaling().putScheduledUpdateGroupAction(r -> r.autoScalingGroupName(AwsBaseline.GROUP)
                .scheduledActionName("team-friday").recurrence("0 18 * * 5").minSize(1).maxSize(1));
        hand.ecr().createRepository(r -> r.repositoryName("someone-elses"));
        return new Foreign(listener, seeded.zoneId(), seeded.masterId());
    }

    boolean stillThere(AwsClients hand) {
        boolean listener = !hand.elb().describeListeners(r -> r.listenerArns(listenerArn)).listeners().isEmpty();
        boolean record = Owned.recordNames(hand, zoneId).contains("legacy.example.com.");
        boolean rule = hand.ec2().describeSecurityGroupRules(r -> r.filters(f -> f.name("group-id").values(groupId)))
                .securityGroupRules().stream().anyMatch(r -> Integer.valueOf(6379).equals(r.fromPort()));
        List<String> actions = hand.autoScaling().describeScheduledActions(r -> r
                .autoScalingGroupName(AwsBaseline.GROUP)).scheduledUpdateGroupActions().stream()
                .map(a -> a.scheduledActionName()).toList();
        boolean repository = hand.ecr().describeRepositories().repositories().stream()
                .anyMatch(r -> r.repositoryName().equals("someone-elses"));
        return listener && record && rule && actions.contains("team-friday") && repository;
    }
}
