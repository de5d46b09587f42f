package io.plumbline.model.spec.kubernetes;

import io.plumbline.model.spec.Lists;
import java.util.List;

/**
 * The Kubernetes part of an environment.
 *
 * @param manifests folders in the repository whose YAML objects are applied as they are
 * @param allow     cluster-scoped kinds and other namespaces the raw manifests may write
 */
public record KubernetesSpec(List<String> namespaces, List<Application> applications, List<String> manifests,
                             List<Allow> allow) {
    public KubernetesSpec {
        namespaces = Lists.of(namespaces);
        applications = Lists.of(applications);
        manifests = Lists.of(manifests);
        allow = Lists.of(allow);
    }
}
