package io.plumbline.model.spec.aws;

import io.plumbline.model.spec.Lists;
import java.util.List;
import java.util.Map;

/**
 * A managed nodegroup. With a {@code nodeRole} it is created when absent (instance types, subnets by {@code Name}
 * tag in {@code vpc}, labels), and deleted when no longer declared; without one it must exist and is only sized.
 *
 * @param desired the initial size only: once an autoscaler moves it within [min, max] it is not drift
 * @param nodeRole the ARN of the IAM role of the nodes
 */
public record Nodegroup(String name, int min, int max, Integer desired, List<String> instanceTypes,
                        String vpc, List<String> subnets, Map<String, String> labels, String nodeRole) {
    public Nodegroup {
        instanceTypes = Lists.of(instanceTypes);
        subnets = Lists.of(subnets);
        labels = Lists.of(labels);
    }
}
