package io.plumbline.provider.aws.eks;

import io.plumbline.model.Change;
import io.plumbline.model.Resource;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.aws.AwsContext;
import io.plumbline.provider.aws.AwsKind;
import io.plumbline.provider.aws.Waits;
import io.plumbline.render.aws.AwsKinds;
import io.plumbline.render.aws.Body;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.NodegroupScalingConfig;
import software.amazon.awssdk.services.eks.model.NodegroupStatus;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/**
 * The scaling of EKS nodegroups in a declared cluster. Plumbline creates neither clusters nor nodegroups; EKS
 * has no batch read, so each declared nodegroup costs one DescribeNodegroup.
 */
public final class Nodegroups implements AwsKind {

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
        try {
            ctx.aws().eks().describeCluster(r -> r.name(cluster));
        } catch (ResourceNotFoundException e) {
            throw ProviderException.refused("aws: EKS cluster " + cluster + " does not exist in "
                    + ctx.spec().region() + "; Plumbline does not create clusters");
        }
        List<Resource> out = new ArrayList<>();
        for (Resource d : desired) {
            try {
                Nodegroup ng = ctx.aws().eks().describeNodegroup(r -> r.clusterName(cluster)
                        .nodegroupName(d.key().name())).nodegroup();
                NodegroupScalingConfig s = ng.scalingConfig();
                out.add(new Resource(d.key(), Body.of().put("min", s.minSize()).put("max", s.maxSize())
                        .put("desired", s.desiredSize()).build(), false));
            } catch (ResourceNotFoundException e) {
                // absent: the plan shows a CREATE, which apply refuses with a clear message
            }
        }
        return out;
    }

    @Override
    public void apply(AwsContext ctx, Change change) {
        String cluster = change.key().namespace();
        String name = change.key().name();
        if (change.actual() == null) {
            throw ProviderException.refused("aws: nodegroup " + name + " does not exist in EKS cluster " + cluster
                    + "; Plumbline scales nodegroups but does not create them");
        }
        Map<String, Object> body = change.desired().body();
        ctx.aws().eks().updateNodegroupConfig(r -> r.clusterName(cluster).nodegroupName(name)
                .scalingConfig(s -> s.minSize(number(body, "min")).maxSize(number(body, "max"))
                        .desiredSize(number(body, "desired"))));
        Waits.until(ctx, "nodegroup " + name + " to finish its update", () -> ctx.aws().eks()
                .describeNodegroup(r -> r.clusterName(cluster).nodegroupName(name)).nodegroup()
                .status() == NodegroupStatus.ACTIVE);
    }

    static int number(Map<String, Object> body, String field) {
        return ((Number) body.get(field)).intValue();
    }
}
