package io.plumbline.model.spec.kubernetes;

import java.util.List;

/**
 * The Kubernetes part of an environment.
 *
 * @param manifests folders in the repository whose YAML objects are applied as they are
 */
public record KubernetesSpec(List<String> namespaces, List<Application> applications, List<String> manifests) {
    public KubernetesSpec {
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        applications = applications == null ? List.of() : List.copyOf(applications);
        manifests = manifests == null ? List.of() : List.copyOf(manifests);
    }
}
