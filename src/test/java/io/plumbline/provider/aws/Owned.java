package io.plumbline.provider.aws;

import java.util.List;

/**
 * Counts what carries the production environment's marks, read by hand: a tag query for certificates and security
 * groups, then the kinds the tagging API does not cover (listener and rule tags, owner records, group member tags,
 * repository tags).
 */
final class Owned {
    private static final String TAG = "plumbline:environment";
    private static final String ENV = "production";

    private Owned() {
    }

    static long count(AwsClients hand, String zoneId) {
        long tagged = hand.tagging().getResources(r -> r.tagFilters(f -> f.key(TAG).values(ENV)))
                .resourceTagMappingList().size();
        long rules = hand.ec2().describeSecurityGroupRules(r -> r.filters(f -> f.name("tag:" + TAG).values(ENV)))
                .securityGroupRules().size();
        long records = recordNames(hand, zoneId).stream().filter(n -> n.startsWith("_plumbline-")).count();
        long members = hand.autoScaling().describeAutoScalingGroups().autoScalingGroups().stream()
                .flatMap(g -> g.tags().stream()).filter(t -> t.key().startsWith("plumbline:")).count();
        long repositories = hand.ecr().describeRepositories().repositories().stream()
                .filter(r -> hand.ecr().listTagsForResource(t -> t.resourceArn(r.repositoryArn())).tags().stream()
                        .anyMatch(t -> t.key().equals(TAG))).count();
        return tagged + rules + records + members + repositories + listeners(hand);
    }

    static long listeners(AwsClients hand) {
        long n = 0;
        for (var lb : hand.elb().describeLoadBalancers().loadBalancers()) {
            List<String> arns = hand.elb().describeListeners(r -> r.loadBalancerArn(lb.loadBalancerArn()))
                    .listeners().stream().map(l -> l.listenerArn()).toList();
            if (!arns.isEmpty()) {
                n += hand.elb().describeTags(r -> r.resourceArns(arns)).tagDescriptions().stream()
                        .filter(d -> d.tags().stream().anyMatch(t -> t.key().equals(TAG))).count();
            }
        }
        return n;
    }

    static long securityGroupRulesIn(AwsClients hand, String groupId) {
        return hand.ec2().describeSecurityGroupRules(r -> r.filters(f -> f.name("group-id").values(groupId)))
                .securityGroupRules().stream().filter(r -> r.tags().stream().anyMatch(t -> t.key().equals(TAG)))
                .count();
    }

    static List<String> recordNames(AwsClients hand, String zoneId) {
        return hand.route53().listResourceRecordSets(r -> r.hostedZoneId(zoneId)).resourceRecordSets().stream()
                .map(s -> s.name()).toList();
    }
}
