package io.plumbline.app;

import io.plumbline.cluster.ClusterSettings;
import io.plumbline.cluster.LeaseCoordinator;
import io.plumbline.engine.loop.Assignment;
import io.plumbline.metrics.Metrics;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Composes how this replica shares environments: alone, or with the fleet through Kubernetes Leases. */
public final class Fleet {
    private Fleet() {
    }

    /**
     * @param kubeconfig the cluster the Leases live in (empty: in-cluster, or the usual lookup); not necessarily
     *                   the cluster the environments deploy to
     * @param identity   this replica's name; empty for the pod's name (its host name)
     */
    public static Assignment assignment(boolean enabled, String namespace, String identity, Duration leaseDuration,
                                        Duration renewDeadline, Duration retryPeriod, Optional<Path> kubeconfig,
                                        Metrics metrics) {
        if (!enabled) {
            return Assignment.SOLE;
        }
        ClusterSettings settings = new ClusterSettings(namespace, identity.isBlank() ? hostName() : identity,
                leaseDuration, renewDeadline, retryPeriod);
        return new LeaseCoordinator(KubernetesClients.connect(kubeconfig, Optional.empty()), settings, metrics);
    }

    private static String hostName() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("plumbline.cluster.identity is not set and the host has no name", e);
        }
    }
}
