package io.plumbline.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.plumbline.metrics.Metrics;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What keeps this replica from keeping the fleet's Leases: a missing namespace, no permission, a failing or
 * unreachable API server. Each failed look is counted by reason; the trouble is logged at ERROR when it starts or
 * changes (not at every look), and again at INFO when it ends. While it lasts the replica is not ready: it
 * reconciles nothing, and what it held lapses at its renew deadline. A lost race is no trouble: {@link Leases}
 * answers it as such.
 */
final class LeaseTrouble {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseTrouble.class);

    private final ClusterSettings settings;
    private final Metrics metrics;
    /** Changed by the coordinator's loop only. */
    private String reason = "";
    private volatile String description = "";

    LeaseTrouble(ClusterSettings settings, Metrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    /** A look at the Leases failed with {@code e}. */
    void failed(RuntimeException e) {
        String now = reason(e);
        metrics.leaseError(now);
        description = "the fleet's Leases in namespace " + settings.namespace() + " cannot be used: "
                + describe(now, e);
        if (!now.equals(reason)) {
            if (now.equals("unexpected")) {
                LOG.error("{}: {}; this replica reconciles nothing until they can", settings.identity(), description,
                        e);
            } else {
                LOG.error("{}: {}; this replica reconciles nothing until they can", settings.identity(), description);
            }
        }
        reason = now;
    }

    /** A look at the Leases went through. */
    void cleared() {
        if (!reason.isEmpty()) {
            LOG.info("{}: the fleet's Leases in namespace {} can be used again", settings.identity(),
                    settings.namespace());
        }
        reason = "";
        description = "";
    }

    /** Why the Leases cannot be used now; empty when they can. */
    Optional<String> now() {
        String d = description;
        return d.isEmpty() ? Optional.empty() : Optional.of(d);
    }

    /** A label for the metric: namespace-missing, forbidden, server-error, unreachable, refused or unexpected. */
    static String reason(RuntimeException e) {
        if (!(e instanceof KubernetesClientException k)) {
            return "unexpected";
        }
        int code = k.getCode();
        if (code == 404 && namespaceMissing(k)) {
            return "namespace-missing";
        }
        if (code == 401 || code == 403) {
            return "forbidden";
        }
        if (code >= 500) {
            return "server-error";
        }
        return code == 0 ? "unreachable" : "refused";
    }

    private static boolean namespaceMissing(KubernetesClientException e) {
        return e.getStatus() != null && e.getStatus().getDetails() != null
                && "namespaces".equals(e.getStatus().getDetails().getKind());
    }

    private String describe(String reason, RuntimeException e) {
        String server = e instanceof KubernetesClientException k && k.getStatus() != null
                && k.getStatus().getMessage() != null ? k.getStatus().getMessage() : String.valueOf(e.getMessage());
        return switch (reason) {
            case "namespace-missing" -> "the namespace does not exist (create it, or set plumbline.cluster.namespace"
                    + " to the service's own namespace)";
            case "forbidden" -> "the service account may not list, create and update Leases there (HTTP "
                    + ((KubernetesClientException) e).getCode() + ": " + server + ")";
            case "server-error" -> "the API server failed (HTTP " + ((KubernetesClientException) e).getCode() + ": "
                    + server + ")";
            case "unreachable" -> "the API server cannot be reached (" + server + ")";
            default -> server;
        };
    }
}
