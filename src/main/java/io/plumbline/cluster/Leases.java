package io.plumbline.cluster;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Optional;

/**
 * The fleet's Leases in one namespace, through coordination.k8s.io/v1. Every change is a compare-and-swap: an
 * update carries the resourceVersion it was read at, so of two replicas writing the same Lease one is refused
 * (409) and learns it lost.
 */
final class Leases {
    private final KubernetesClient client;
    private final String namespace;

    Leases(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    List<Lease> list() {
        return client.resources(Lease.class).inNamespace(namespace).withLabelSelector(LeaseNames.SELECTOR).list()
                .getItems();
    }

    /** Creates the Lease; empty when one of that name appeared meanwhile. */
    Optional<Lease> create(Lease lease) {
        try {
            return Optional.of(client.resources(Lease.class).inNamespace(namespace).resource(lease).create());
        } catch (KubernetesClientException e) {
            return lost(e);
        }
    }

    /** Replaces the Lease if it is still at the resourceVersion it carries; empty when it changed or went. */
    Optional<Lease> update(Lease lease) {
        try {
            return Optional.of(client.resources(Lease.class).inNamespace(namespace).resource(lease).update());
        } catch (KubernetesClientException e) {
            return lost(e);
        }
    }

    void delete(String name) {
        client.resources(Lease.class).inNamespace(namespace).withName(name).delete();
    }

    private static Optional<Lease> lost(KubernetesClientException e) {
        if (e.getCode() == HttpURLConnection.HTTP_CONFLICT || e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
            return Optional.empty();
        }
        throw e;
    }
}
