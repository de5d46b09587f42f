package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;

/** An existing EKS cluster (Plumbline never creates clusters) and the sizes of its nodegroups. */
public record Eks(String cluster, List<Nodegroup> nodegroups) {
    public Eks {
        nodegroups = Lists.of(nodegroups);
    }
}
