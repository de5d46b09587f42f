package io.plumbline.cluster;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The fleet's Leases in one namespace, through coordination.k8s.io/v1. Every change is a compare-and-swap: an
 * update carries the resourceVersion it was read at, so of two replicas writing the same Lease one is refused
 * (409) and learns it lost. Any other refusal is no race but trouble (the namespace missing, no permission, the
 * server failing) and is thrown: taken as a lost race, it would leave the replica doing nothing and saying nothing.
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

    /**
     * Creates the Lease; empty when one of that name appeared meanwhile (409). A 404 here is the namespace missing,
     * never a race.
     */
    Optional<Lease> create(Lease lease) {
        try {
            return Optional.of(client.resources(Lease.class).inNamespace(namespace).resource(lease).create());
        } catch (KubernetesClientException e) {
            return lost(e, HttpURLConnection.HTTP_CONFLICT);
        }
    }

    /** Replaces the Lease if it is still at its resourceVersion; empty when it changed (409) or went (404). */
    Optional<Lease> update(Lease lease) {
        try {
            return Optional.of(client.resources(Lease.class).inNamespace(namespace).resource(lease).update());
        } catch (KubernetesClientException e) {
            return lost(e, HttpURLConnection.HTTP_CONFLICT, HttpURLConnection.HTTP_NOT_FOUND);
        }
    }

    void delete(String name) {
        client.resources(Lease.class).inNamespace(namespace).withName(name).delete();
    }

    private static Optional<Lease> lost(KubernetesClientException e, int... races) {
        if (IntStream.of(races).anyMatch(code -> code == e.getCode())) {
            return Optional.empty();
        }
        throw e;
    }
}
