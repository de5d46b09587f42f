package io.plumbline.provider.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * What still exists with an environment's marks, read by hand kind by kind ("vpc hopper", "instance
 * hopper-master"): the network, security groups, templates and live instances, IAM roles and instance profiles, Auto
 * Scaling groups. Deleted NAT gateways and terminated instances, which AWS lists for a while, are gone.
 */
public final class Leftovers {
    private static final String TAG = "plumbline:environment";

    private Leftovers() {
    }

    public static List<String> of(AwsClients hand, String environment) {
        Filter marked = Filter.builder().name("tag:" + TAG).values(environment).build();
        var ec2 = hand.ec2();
        List<String> found = new ArrayList<>();
        ec2.describeVpcs(r -> r.filters(marked)).vpcs().forEach(v -> found.add("vpc " + Lookup.nameTag(v.tags())));
        ec2.describeSubnets(r -> r.filters(marked)).subnets()
                .forEach(s -> found.add("subnet " + Lookup.nameTag(s.tags())));
        ec2.describeInternetGateways(r -> r.filters(marked)).internetGateways()
                .forEach(g -> found.add("internet gateway " + Lookup.nameTag(g.tags())));
        ec2.describeAddresses(r -> r.filters(marked)).addresses()
                .forEach(a -> found.add("address " + Lookup.nameTag(a.tags())));
        ec2.describeNatGateways(r -> r.filter(marked, Filter.builder().name("state").values("pending", "available")
                .build())).natGateways().forEach(g -> found.add("nat gateway " + Lookup.nameTag(g.tags())));
        ec2.describeRouteTables(r -> r.filters(marked)).routeTables()
                .forEach(t -> found.add("route table " + Lookup.nameTag(t.tags())));
        ec2.describeSecurityGroups(r -> r.filters(marked)).securityGroups()
                .forEach(g -> found.add("security group " + g.groupName()));
        ec2.describeLaunchTemplates(r -> r.filters(marked)).launchTemplates()
                .forEach(t -> found.add("launch template " + t.launchTemplateName()));
        ec2.describeInstances(r -> r.filters(marked, Filter.builder().name("instance-state-name").values("pending",
                "running", "stopping", "stopped").build())).reservations().stream()
                .flatMap(r -> r.instances().stream()).forEach(i -> found.add("instance " + Lookup.nameTag(i.tags())));
        var iam = hand.iam();
        iam.listRoles().roles().stream().filter(r -> iam.listRoleTags(t -> t.roleName(r.roleName())).tags().stream()
                .anyMatch(t -> t.key().equals(TAG) && t.value().equals(environment)))
                .forEach(r -> found.add("role " + r.roleName()));
        // moto has no ListInstanceProfileTags; GetInstanceProfile carries the tags too
        iam.listInstanceProfiles().instanceProfiles().stream().filter(p -> iam.getInstanceProfile(t -> t
                .instanceProfileName(p.instanceProfileName())).instanceProfile().tags().stream()
                .anyMatch(t -> t.key().equals(TAG) && t.value().equals(environment)))
                .forEach(p -> found.add("instance profile " + p.instanceProfileName()));
        hand.autoScaling().describeAutoScalingGroups().autoScalingGroups().stream()
                .filter(g -> g.tags().stream().anyMatch(t -> t.key().equals(TAG) && t.value().equals(environment)))
                .forEach(g -> found.add("auto scaling group " + g.autoScalingGroupName()));
        return found;
    }
}
