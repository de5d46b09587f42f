package io.plumbline.model.spec.aws;

import java.util.List;

/** An existing EKS cluster (Plumbline never creates clusters) and the sizes of its nodegroups. */
public record Eks(String cluster, List<Nodegroup> nodegroups) {
    public Eks {
        nodegroups = nodegroups == null ? List.of() : List.copyOf(nodegroups);
    }
}
