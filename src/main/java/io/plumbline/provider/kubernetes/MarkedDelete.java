package io.plumbline.provider.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.plumbline.model.Change;
import io.plumbline.render.kubernetes.Marking;
import io.plumbline.render.kubernetes.Nodes;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.Objects;

/**
 * A delete as careful as the plan that asked for it was long ago: the object is read again right before, and is
 * deleted only if it still carries this environment's marks and is the very object the plan saw (same uid); a
 * namespace only if it holds nothing without the marks ({@link NamespaceContents}). The delete is sent on the
 * condition of that read's resourceVersion, which the server never gives two objects, so an object written or made
 * again in between is refused (409) rather than deleted.
 */
final class MarkedDelete {
    private final Cluster cluster;
    private final NamespaceContents contents;

    MarkedDelete(Cluster cluster) {
        this.cluster = cluster;
        this.contents = new NamespaceContents(cluster);
    }

    /** Deletes the object of a DELETE change; returns why it was kept instead, or null when it is gone. */
    String delete(Change change) {
        Map<String, Object> fresh = cluster.reread(change.key());
        if (fresh == null) {
            return null;
        }
        String environment = Marking.owner(change.actual().body());
        if (!Marking.isOwnedBy(fresh, environment)) {
            return "kept: no longer carries this environment's marks (read again right before deleting)";
        }
        if (!Objects.equals(uid(fresh), uid(change.actual().body()))) {
            return "kept: made again since the plan (another uid); the next plan judges it afresh";
        }
        if (change.key().kind().equals(NamespacePrune.NAMESPACE)) {
            NamespaceContents.Held held = contents.of(change.key().name(), environment);
            if (held.keeps()) {
                return held.note();
            }
        }
        try {
            cluster.delete(change.key(), String.valueOf(Nodes.at(fresh, "metadata", "resourceVersion")));
            return null;
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return null;
            }
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                return "kept: written between the read and the delete; the next plan judges it afresh";
            }
            throw e;
        }
    }

    private static Object uid(Map<String, Object> body) {
        return Nodes.at(body, "metadata", "uid");
    }
}
