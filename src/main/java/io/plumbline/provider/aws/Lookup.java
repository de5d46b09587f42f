package io.plumbline.provider.aws;

import io.plumbline.model.spec.aws.AwsSpec;
import io.plumbline.model.spec.aws.ClusterTag;
import io.plumbline.model.spec.aws.SecurityGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.route53.model.HostedZone;

/**
 * Describe calls that several kinds need (VPCs, security groups, load balancers, certificates, zones, groups),
 * each made at most once per reconcile, paginated and filtered to what the environment declares. Those that list the
 * whole account are also shared with the other environments of the region for a few seconds ({@link #accountWide}).
 */
public final class Lookup {
    private final AwsClients aws;
    private final AwsSpec spec;
    private final String environment;
    /** The key of {@link #vpcSubnets}, to forget it after a subnet is created or deleted. */
    public static final String VPC_SUBNETS = "network subnets";
    private final Map<String, Object> memo = new LinkedHashMap<>();
    private final boolean sharing;

    Lookup(AwsClients aws, AwsSpec spec, String environment, boolean sharing) {
        this.aws = aws;
        this.spec = spec;
        this.environment = environment;
        this.sharing = sharing;
    }

    /** The result of {@code read}, read at most once per reconcile under {@code name} (until {@link #forget}). */
    @SuppressWarnings("unchecked")
    public <T> T once(String name, Supplier<T> read) {
        if (!memo.containsKey(name)) {
            memo.put(name, AwsErrors.call("reading " + name, read));
        }
        return (T) memo.get(name);
    }

    /**
     * As {@link #once}, for a read of the whole account that does not depend on the environment (every VPC, every
     * repository): shared with the other environments of the region and identity ({@link SharedReads}).
     */
    public <T> T accountWide(String name, Supplier<T> read) {
        return sharedIn(aws.reads(), name, read);
    }

    /** As {@link #accountWide}, for IAM, which is global. */
    public <T> T accountWideIam(String name, Supplier<T> read) {
        return sharedIn(aws.iamReads(), name, read);
    }

    private <T> T sharedIn(SharedReads.Scope scope, String name, Supplier<T> read) {
        return once(name, () -> sharing ? scope.read(name, read) : read.get());
    }

    /**
     * Whether account-wide reads may come from other environments' reads. Not in the context that confirms the
     * marks before a deletion ({@link MarksAtDeletion}): a kind that remembers reads of its own (ECR's tags) reads
     * past that memory too.
     */
    public boolean sharing() {
        return sharing;
    }

    /** Forgets one lookup after a write changed what it read (a certificate was requested). */
    public void forget(String name) {
        memo.remove(name);
    }

    /** VPCs by their {@code Name} tag. */
    public Map<String, Vpc> vpcs() {
        return allVpcs().stream().collect(Collectors.toMap(v -> nameTag(v.tags()), Function.identity(), (a, b) -> a));
    }

    /**
     * Every VPC of the region, in one paginated call: a VPC that carries the marks but is no longer named in the file
     * must be found too, and a region holds few VPCs (five unless the quota is raised).
     */
    public List<Vpc> allVpcs() {
        return accountWide("vpcs", () -> aws.ec2().describeVpcsPaginator(r -> { }).vpcs().stream().toList());
    }

    /**
     * The subnets of the VPCs the environment's network declares, those its groups, templates, instances and
     * nodegroups name, and those carrying its marks: one paginated call, shared by the network kinds and by what
     * compute names, until a subnet is created or deleted ({@link #forget} {@link #VPC_SUBNETS}).
     */
    public List<Subnet> vpcSubnets() {
        Set<String> named = new TreeSet<>(groupVpcs());
        if (spec.network() != null) {
            spec.network().vpcs().forEach(v -> named.add(v.name()));
        }
        List<String> ids = allVpcs().stream().filter(v -> named.contains(nameTag(v.tags()))
                || new AwsMarks(environment).on(AwsMarks.ec2(v.tags())))
                .map(Vpc::vpcId).toList();
        return once(VPC_SUBNETS, () -> ids.isEmpty() ? List.of() : aws.ec2()
                .describeSubnetsPaginator(r -> r.filters(filter("vpc-id", ids))).subnets().stream().toList());
    }

    /** Subnets by their {@code Name} tag, for the subnets named in cluster tags. */
    public Map<String, Subnet> subnets() {
        List<String> names = clusterTagged("subnet");
        return once("subnets", () -> names.isEmpty() ? Map.of()
                : aws.ec2().describeSubnetsPaginator(r -> r.filters(filter("tag:Name", names))).subnets().stream()
                .collect(Collectors.toMap(v -> nameTag(v.tags()), Function.identity(), (a, b) -> a)));
    }

    /**
     * Every security group in the VPCs the environment mentions, and every group carrying this environment's
     * marks wherever it is (a group removed from the file), with rules and tags.
     */
    public List<software.amazon.awssdk.services.ec2.model.SecurityGroup> securityGroups() {
        Map<String, Vpc> vpcs = vpcs();
        List<String> vpcIds = groupVpcs().stream().map(vpcs::get).filter(java.util.Objects::nonNull)
                .map(Vpc::vpcId).toList();
        return once("security groups", () -> {
            List<software.amazon.awssdk.services.ec2.model.SecurityGroup> found = new ArrayList<>(vpcIds.isEmpty()
                    ? List.of() : aws.ec2().describeSecurityGroupsPaginator(r -> r.filters(filter("vpc-id", vpcIds)))
                    .securityGroups().stream().toList());
            Set<String> seen = found.stream().map(g -> g.groupId()).collect(Collectors.toSet());
            List<String> elsewhere = owned().get(OwnedArns.SECURITY_GROUP).stream()
                    .map(a -> a.substring(a.lastIndexOf('/') + 1)).filter(id -> !seen.contains(id)).toList();
            if (!elsewhere.isEmpty()) {
                found.addAll(aws.ec2().describeSecurityGroupsPaginator(r -> r.groupIds(elsewhere)).securityGroups()
                        .stream().toList());
            }
            return found;
        });
    }

    /** The ARNs of the ACM certificates carrying this environment's marks. */
    public Set<String> ownedCertificates() {
        return Set.copyOf(owned().get(OwnedArns.CERTIFICATE));
    }

    /**
     * The ARNs carrying this environment's marks, of the kinds the Resource Groups Tagging API finds, by type: from
     * one read of those of every environment, shared with the other environments of the account.
     */
    private Map<String, List<String>> owned() {
        return OwnedArns.of(accountWide(OwnedArns.SHARED, () -> OwnedArns.read(aws)), environment);
    }

    public Map<String, LoadBalancer> loadBalancers() {
        return accountWide("load balancers", () -> aws.elb().describeLoadBalancersPaginator(r -> { })
                .loadBalancers().stream().collect(Collectors.toMap(LoadBalancer::loadBalancerName,
                        Function.identity())));
    }

    /** Target groups by ARN. */
    public Map<String, TargetGroup> targetGroups() {
        return accountWide("target groups", () -> aws.elb().describeTargetGroupsPaginator(r -> { })
                .targetGroups().stream().collect(Collectors.toMap(TargetGroup::targetGroupArn,
                        Function.identity())));
    }

    public List<CertificateSummary> certificates() {
        return accountWide("certificates", () -> aws.acm().listCertificatesPaginator(r -> { })
                .certificateSummaryList().stream().toList());
    }

    /** Hosted zones by name, without the trailing dot. */
    public Map<String, HostedZone> zones() {
        return accountWide("hosted zones", () -> aws.route53().listHostedZonesPaginator(r -> { }).hostedZones()
                .stream().collect(Collectors.toMap(z -> Names.dns(z.name()), Function.identity(), (a, b) -> a)));
    }

    /**
     * Every Auto Scaling group in the region, by name: the members Plumbline marked on a group that is no longer
     * declared are found through the group's tags.
     */
    public Map<String, AutoScalingGroup> autoScalingGroups() {
        return accountWide("auto scaling groups", () -> aws.autoScaling().describeAutoScalingGroupsPaginator(r -> { })
                .autoScalingGroups().stream().collect(Collectors.toMap(AutoScalingGroup::autoScalingGroupName,
                        Function.identity())));
    }

    /** The declared security groups' VPC name, by group name. */
    public Map<String, String> declaredGroupVpcs() {
        return spec.securityGroups().stream().collect(Collectors.toMap(SecurityGroup::name, SecurityGroup::vpc,
                (a, b) -> a));
    }

    /** The VPCs whose groups the environment names: for its own groups, its templates, instances and groups. */
    private Set<String> groupVpcs() {
        Set<String> names = new TreeSet<>();
        spec.securityGroups().forEach(g -> names.add(g.vpc()));
        spec.compute().launchTemplates().stream().map(t -> t.vpc()).filter(v -> v != null).forEach(names::add);
        spec.compute().instances().forEach(i -> names.add(i.vpc()));
        spec.autoscaling().groups().stream().map(g -> g.vpc()).filter(v -> v != null).forEach(names::add);
        if (spec.eks() != null) {
            spec.eks().nodegroups().stream().map(n -> n.vpc()).filter(v -> v != null).forEach(names::add);
        }
        return names;
    }

    private List<String> clusterTagged(String resourceType) {
        return spec.clusterTags().stream().filter(t -> t.resourceType().equals(resourceType))
                .map(ClusterTag::resource).toList();
    }

    public static Filter filter(String name, java.util.Collection<String> values) {
        return Filter.builder().name(name).values(values).build();
    }

    public static String nameTag(List<Tag> tags) {
        return tags.stream().filter(t -> t.key().equals("Name")).map(Tag::value).findFirst().orElse("");
    }
}
