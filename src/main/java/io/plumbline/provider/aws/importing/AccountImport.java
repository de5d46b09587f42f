package io.plumbline.provider.aws.importing;

import io.plumbline.importer.LeftOut;
import io.plumbline.provider.aws.AwsClients;
import io.plumbline.provider.aws.AwsImportScope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * What of an account an import reads, in the order the file declares it: the VPC family, its security groups, IAM,
 * Auto Scaling groups and DNS records. Only Describe, List and Get calls.
 */
public final class AccountImport {
    private final AwsClients clients;
    private final AwsImportScope scope;
    private final Collected collected = new Collected();
    private final List<String> vpcIds = new ArrayList<>();

    public AccountImport(AwsClients clients, AwsImportScope scope) {
        this.clients = clients;
        this.scope = scope;
    }

    public Map<String, Object> read() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("region", scope.region());
        out.put("accountId", clients.sts().getCallerIdentity(r -> { }).account());
        NetworkImport network = new NetworkImport(clients.ec2(), collected);
        List<Object> vpcs = new ArrayList<>();
        List<Object> groups = new ArrayList<>();
        for (Vpc vpc : vpcs()) {
            Object declared = network.vpc(vpc);
            if (declared != null) {
                vpcs.add(declared);
                vpcIds.add(vpc.vpcId());
                String name = Ec2Names.name(vpc.tags(), software.amazon.awssdk.services.ec2.model.Tag::key,
                        software.amazon.awssdk.services.ec2.model.Tag::value);
                groups.addAll(new SecurityGroupImport(clients.ec2(), collected).groups(vpc.vpcId(), name));
            }
        }
        out.put("network", vpcs.isEmpty() ? null : Map.of("vpcs", vpcs));
        out.put("securityGroups", groups.isEmpty() ? null : groups);
        out.put("iam", scope.tags().isEmpty() ? null : new IamImport(clients.iam(), collected).read(scope.tags(),
                List.of()));
        Set<String> subnets = new HashSet<>(network.subnetNames.keySet());
        out.put("autoscaling", new AutoScalingImport(clients.autoScaling(), collected).read(subnets, scope.tags()));
        out.put("dns", scope.zones().isEmpty() ? null : new DnsImport(clients.route53(), collected)
                .zones(scope.zones()));
        collected.leave("EKS nodegroups, ECR repositories, load balancers with listeners and certificates, launch"
                + " templates and instances", "not read by this version of import; declare them by hand (see"
                + " docs/import.md)");
        return out;
    }

    /** The VPCs in scope: by id, else the EKS cluster's, else those carrying the scope's tags. */
    private List<Vpc> vpcs() {
        String id = scope.vpcId();
        if (id == null && scope.eksCluster() != null) {
            id = clients.eks().describeCluster(r -> r.name(scope.eksCluster())).cluster().resourcesVpcConfig().vpcId();
        }
        if (id != null) {
            String vpcId = id;
            return clients.ec2().describeVpcs(r -> r.vpcIds(vpcId)).vpcs();
        }
        if (scope.tags().isEmpty()) {
            return List.of();
        }
        List<Filter> filters = scope.tags().entrySet().stream().map(e -> Filter.builder().name("tag:" + e.getKey())
                .values(e.getValue()).build()).toList();
        return clients.ec2().describeVpcsPaginator(r -> r.filters(filters)).vpcs().stream().toList();
    }

    public String describe() {
        StringBuilder out = new StringBuilder();
        if (!vpcIds.isEmpty()) {
            out.append(", VPC ").append(String.join(", ", vpcIds));
        }
        if (scope.eksCluster() != null) {
            out.append(", EKS cluster ").append(scope.eksCluster());
        }
        scope.tags().forEach((k, v) -> out.append(", tag ").append(k).append('=').append(v));
        scope.zones().forEach(z -> out.append(", zone ").append(z));
        return out.toString();
    }

    public Map<String, Integer> counts() {
        return collected.counts;
    }

    public Map<String, String> files() {
        return collected.files;
    }

    public List<LeftOut> leftOut() {
        return collected.leftOut;
    }
}
