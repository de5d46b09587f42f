package io.plumbline.load;

import io.plumbline.model.spec.kubernetes.Allow;
import io.plumbline.model.spec.kubernetes.KubernetesSpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an environment's raw manifests may write, after Argo CD's AppProject: by default namespaced kinds in the
 * environment's own namespaces (and those namespaces themselves); a cluster-scoped kind or another namespace
 * needs an entry in {@code spec.kubernetes.allow}. An object without a namespace goes where the renderer puts it:
 * the first declared namespace, or {@code default} when none is declared.
 *
 * <p>Only the server knows a custom kind's scope, and loading is offline: a custom kind passes here as namespaced,
 * and one the server serves cluster-scoped is refused the same way, at its file and line, when an environment is
 * rendered for a plan or an apply (before anything is written).
 */
final class KubernetesPolicy {
    /** Built-in cluster-scoped kinds, as {@code group/Kind} ({@code Kind} alone for the core group). */
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace", "Node", "PersistentVolume", "ComponentStatus",
            "rbac.authorization.k8s.io/ClusterRole", "rbac.authorization.k8s.io/ClusterRoleBinding",
            "apiextensions.k8s.io/CustomResourceDefinition", "apiregistration.k8s.io/APIService",
            "admissionregistration.k8s.io/MutatingWebhookConfiguration",
            "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
            "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
            "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
            "admissionregistration.k8s.io/MutatingAdmissionPolicy",
            "admissionregistration.k8s.io/MutatingAdmissionPolicyBinding",
            "storage.k8s.io/StorageClass", "storage.k8s.io/CSIDriver", "storage.k8s.io/CSINode",
            "storage.k8s.io/VolumeAttachment", "storage.k8s.io/VolumeAttributesClass",
            "scheduling.k8s.io/PriorityClass", "node.k8s.io/RuntimeClass",
            "networking.k8s.io/IngressClass", "networking.k8s.io/IPAddress", "networking.k8s.io/ServiceCIDR",
            "certificates.k8s.io/CertificateSigningRequest", "certificates.k8s.io/ClusterTrustBundle",
            "flowcontrol.apiserver.k8s.io/FlowSchema", "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration",
            "resource.k8s.io/DeviceClass", "resource.k8s.io/ResourceSlice",
            "snapshot.storage.k8s.io/VolumeSnapshotClass", "snapshot.storage.k8s.io/VolumeSnapshotContent");

    private final List<String> namespaces;
    private final List<Allow> allow;
    private final KubernetesSpec spec;

    KubernetesPolicy(KubernetesSpec spec) {
        this.namespaces = spec.namespaces();
        this.allow = spec.allow();
        this.spec = spec;
    }

    /** Why the object may not be written, or empty when it may. */
    Optional<String> refusal(String apiVersion, String kind, String name, String namespace) {
        String groupKind = KubernetesSpec.groupKind(apiVersion, kind);
        if (CLUSTER_SCOPED.contains(groupKind)) {
            boolean ownNamespace = groupKind.equals("Namespace") && namespaces.contains(name);
            return ownNamespace ? Optional.empty() : Optional.ofNullable(spec.clusterKindRefusal(groupKind));
        }
        String placed = namespace != null ? namespace : namespaces.isEmpty() ? "default" : namespaces.get(0);
        boolean allowed = namespaces.contains(placed) || allow.stream().anyMatch(a -> placed.equals(a.namespace())
                && (a.kind() == null || "*".equals(a.kind()) || groupKind.equals(a.kind())));
        return allowed ? Optional.empty() : Optional.of(groupKind + " in namespace '" + placed
                + "' is outside this environment's namespaces " + namespaces
                + "; add {namespace: " + placed + ", kind: " + groupKind + "} to spec.kubernetes.allow if it should be");
    }
}
