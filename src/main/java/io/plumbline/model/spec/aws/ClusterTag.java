package io.plumbline.model.spec.aws;

/**
 * A {@code kubernetes.io/cluster/<cluster>} tag on an existing resource.
 *
 * @param value        {@code owned} or {@code shared}; a shared resource is never deleted
 * @param resourceType {@code vpc}, {@code subnet}, {@code securityGroup} or {@code autoScalingGroup}
 * @param resource     the resource's {@code Name} tag (group name for security and Auto Scaling groups)
 */
public record ClusterTag(String cluster, String value, String resourceType, String resource) {
    public String key() {
        return "kubernetes.io/cluster/" + cluster;
    }
}
