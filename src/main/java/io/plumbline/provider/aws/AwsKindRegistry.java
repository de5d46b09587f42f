package io.plumbline.provider.aws;

import io.plumbline.provider.aws.acm.Certificates;
import io.plumbline.provider.aws.autoscaling.AutoScalingGroups;
import io.plumbline.provider.aws.autoscaling.ScalingPolicies;
import io.plumbline.provider.aws.autoscaling.ScheduledActions;
import io.plumbline.provider.aws.ec2.ClusterTags;
import io.plumbline.provider.aws.ec2.Instances;
import io.plumbline.provider.aws.ec2.LaunchTemplates;
import io.plumbline.provider.aws.ec2.SecurityGroupRules;
import io.plumbline.provider.aws.ec2.SecurityGroups;
import io.plumbline.provider.aws.ecr.EcrRepositories;
import io.plumbline.provider.aws.eks.Nodegroups;
import io.plumbline.provider.aws.elb.Listeners;
import io.plumbline.provider.aws.iam.IamInstanceProfiles;
import io.plumbline.provider.aws.iam.IamRolePolicies;
import io.plumbline.provider.aws.iam.IamRoles;
import io.plumbline.provider.aws.route53.DnsRecords;
import io.plumbline.provider.aws.vpc.ElasticIps;
import io.plumbline.provider.aws.vpc.InternetGateways;
import io.plumbline.provider.aws.vpc.NatGateways;
import io.plumbline.provider.aws.vpc.RouteTables;
import io.plumbline.provider.aws.vpc.Subnets;
import io.plumbline.provider.aws.vpc.Vpcs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The kinds the provider manages, in {@link KindClasses#APPLY_ORDER}. */
final class AwsKindRegistry {
    private final List<AwsKind> ordered;
    private final Map<String, AwsKind> byName;

    private AwsKindRegistry(List<AwsKind> kinds) {
        this.byName = kinds.stream().collect(Collectors.toMap(AwsKind::kind, Function.identity()));
        this.ordered = KindClasses.APPLY_ORDER.stream().map(byName::get).toList();
    }

    static AwsKindRegistry standard() {
        return new AwsKindRegistry(List.of(new Vpcs(), new Subnets(), new InternetGateways(), new ElasticIps(),
                new NatGateways(), new RouteTables(), new SecurityGroups(), new SecurityGroupRules(), new IamRoles(),
                new IamRolePolicies(), new IamInstanceProfiles(), new LaunchTemplates(), new Instances(),
                new ClusterTags(), new EcrRepositories(),
                new Nodegroups(), new AutoScalingGroups(), new ScheduledActions(), new ScalingPolicies(),
                new Certificates(), new Listeners(), new DnsRecords()));
    }

    AwsKind of(String kind) {
        return byName.get(kind);
    }

    /** The fields of a kind's bodies compared whole, on both sides. */
    Set<String> documents(String kind) {
        AwsKind k = byName.get(kind);
        return k == null ? Set.of() : k.documents();
    }

    List<AwsKind> inOrder() {
        return ordered;
    }

    List<AwsKind> inReverse() {
        List<AwsKind> reversed = new ArrayList<>(ordered);
        Collections.reverse(reversed);
        return reversed;
    }
}
