package io.plumbline.provider.aws.eks;

import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.FieldChange;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.provider.aws.ClientTokens;
import io.plumbline.provider.aws.Waits;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.aws.Body;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.NodegroupScalingConfig;
import software.amazon.awssdk.services.eks.model.NodegroupStatus;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/**
 * The nodegroups of a declared EKS cluster (Plumbline never creates clusters). A nodegroup declared with a node
 * role is created when absent, with this environment's marks, and deleted when it carries them, is no longer
 * declared and pruning is on; one declared without a node role must exist and is only sized. EKS has no batch read:
 * one ListNodegroups, then one DescribeNodegroup per nodegroup of the cluster.
 */
public final class Nodegroups implements AwsKind {
    /** What EKS cannot change on a nodegroup: a new one is needed, which Plumbline does not do on its own. */
    private static final Set<String> FIXED = Set.of("instanceTypes", "subnets", "nodeRole");

    @Override
    public String kind() {
        return AwsKinds.NODEGROUP;
    }

    @Override
    public List<Resource> observe(AwsContext ctx, List<Resource> desired) {
        if (ctx.spec().eks() == null) {
            return List.of();
        }
        String cluster = ctx.spec().eks().cluster();
        List<String> names;
        try {
            ctx.aws().eks().describeCluster(r -> r.name(cluster));
            names = ctx.aws().eks().listNodegroupsPaginator(r -> r.clusterName(cluster)).nodegroups().stream().toList();
        } catch (ResourceNotFoundException e) {
            throw ProviderException.refused("aws: EKS cluster " + cluster + " does not exist in "
                    + ctx.spec().region() + "; Plumbline does not create clusters");
        }
        Set<String> declared = desired.stream().map(d -> d.key().name()).collect(Collectors.toSet());
        List<Resource> out = new ArrayList<>();
        for (String name : names) {
            Nodegroup ng = ctx.aws().eks().describeNodegroup(r -> r.clusterName(cluster).nodegroupName(name))
                    .nodegroup();
            if (declared.contains(name) || ctx.owned(ng.tags())) {
                out.add(new Resource(ResourceKey.of(AwsKinds.PROVIDER, kind(), cluster, name), body(ctx, ng),
                        ctx.owned(ng.tags())));
            }
        }
        return out;
    }

    private static Map<String, Object> body(AwsContext ctx, Nodegroup ng) {
        NodegroupScalingConfig s = ng.scalingConfig();
        return Body.of().put("min", s.minSize()).put("max", s.maxSize()).put("desired", s.desiredSize())
                .put("instanceTypes", ng.instanceTypes().stream().sorted().toList())
                .put("subnets", ng.subnets().stream().map(id -> ctx.refs().subnetName(id)).sorted().toList())
                .put("labels", new TreeMap<>(ng.labels())).put("nodeRole", ng.nodeRole()).build();
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        String cluster = change.key().namespace();
        String name = change.key().name();
        if (change.action() == Action.DELETE) {
            ctx.aws().eks().deleteNodegroup(r -> r.clusterName(cluster).nodegroupName(name));
            Waits.until(ctx, "nodegroup " + name + " to be deleted", () -> gone(ctx, cluster, name));
            return;
        }
        var declared = ctx.spec().eks().nodegroups().stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow();
        Map<String, Object> body = change.desired().body();
        if (change.actual() == null && declared.nodeRole() == null) {
            throw ProviderException.refused("aws: nodegroup " + name + " does not exist in EKS cluster " + cluster
                    + "; Plumbline creates only nodegroups declared with a nodeRole");
        }
        if (change.actual() == null) {
            // The token makes a create sent again (the SDK's retry after a lost answer) return the nodegroup the first
            // one made instead of failing on its name.
            ctx.aws().eks().createNodegroup(r -> r.clusterName(cluster).nodegroupName(name)
                    .clientRequestToken(ClientTokens.of(ctx, change, 0)).nodeRole(declared.nodeRole()).instanceTypes(declared.instanceTypes())
                    .subnets(declared.subnets().stream().map(s -> ctx.refs().subnetId(declared.vpc(), s)).toList())
                    .labels(declared.labels()).tags(ctx.ownershipTags())
                    .scalingConfig(s -> s.minSize(number(body, "min")).maxSize(number(body, "max"))
                            .desiredSize(number(body, "desired"))));
        } else {
            List<String> fixed = change.fields().stream().map(FieldChange::path).map(p -> p.split("[.\\[]")[0])
                    .filter(FIXED::contains).distinct().toList();
            if (!fixed.isEmpty()) {
                throw ProviderException.refused("aws: nodegroup " + name + ": EKS cannot change " + String.join(", ",
                        fixed) + " of a nodegroup; declare a nodegroup with a new name and remove this one");
            }
            ctx.aws().eks().updateNodegroupConfig(r -> {
                r.clusterName(cluster).nodegroupName(name).scalingConfig(s -> s.minSize(number(body, "min"))
                        .maxSize(number(body, "max")).desiredSize(number(body, "desired")));
                if (!declared.labels().isEmpty()) {
                    r.labels(l -> l.addOrUpdateLabels(declared.labels()));
                }
            });
        }
        Waits.until(ctx, "nodegroup " + name + " to be active", () -> ctx.aws().eks()
                .describeNodegroup(r -> r.clusterName(cluster).nodegroupName(name)).nodegroup()
                .status() == NodegroupStatus.ACTIVE);
    }

    private static boolean gone(AwsContext ctx, String cluster, String name) {
        try {
            ctx.aws().eks().describeNodegroup(r -> r.clusterName(cluster).nodegroupName(name));
            return false;
        } catch (ResourceNotFoundException e) {
            return true;
        }
    }

    static int number(Map<String, Object> body, String field) {
        return ((Number) body.get(field)).intValue();
    }
}
