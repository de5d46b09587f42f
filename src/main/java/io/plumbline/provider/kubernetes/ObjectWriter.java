package io.plumbline.provider.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.ResourceKey;
import io.plumbline.model.Revision;
import io.plumbline.provider.Fence;
import io.plumbline.render.kubernetes.KubernetesKeys;
import io.plumbline.render.kubernetes.Marking;
import io.plumbline.render.kubernetes.Nodes;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.Set;

/**
 * Writes one change by server-side apply with Plumbline's field manager. An object that carries this
 * environment's marks (or one it may adopt) is applied with {@code force}: Git wins over other managers, and
 * the plan named the fields it takes. A new object is applied without force, so one that appeared meanwhile
 * under another manager is refused with a conflict naming that manager, not overwritten. A delete is a
 * {@link MarkedDelete}: the marks read again right before, and the delete sent on the condition of that read.
 */
final class ObjectWriter {
    /** Answers that refuse the object as written; anything else (a conflict, throttling, a 5xx) may pass. */
    private static final Set<Integer> REFUSED = Set.of(400, 403, 422);

    private final Cluster cluster;
    private final String fieldManager;
    private final MarkedDelete deletes;

    ObjectWriter(Cluster cluster, String fieldManager) {
        this.cluster = cluster;
        this.fieldManager = fieldManager;
        this.deletes = new MarkedDelete(cluster);
    }

    /** Why a change must not be written at all (another environment's object, an adoption not allowed), or null. */
    static String refusal(Change change, Revision revision) {
        if (change.action() != Action.UPDATE || change.actual() == null) {
            return null;
        }
        String other = KubernetesPlanner.otherOwner(change.desired(), change.actual());
        if (other != null) {
            return "belongs to Plumbline environment '" + other + "'; not taken over";
        }
        if (Marking.owner(change.actual().body()) == null && !Adoption.allowed(change.desired(), revision)) {
            return Adoption.refusal(change.key());
        }
        return null;
    }

    /** Writes the change unless {@code fence} says the environment is no longer this process's (it then throws). */
    ObjectResult write(Change change, boolean autoscaled, Fence fence) {
        if (change.action() == Action.DELETE && !change.actual().owned()) {
            return ObjectResult.skipped(change, "not Plumbline's to delete");
        }
        fence.check();
        try {
            switch (change.action()) {
                case CREATE, UPDATE -> upsert(change, autoscaled, fence);
                case DELETE -> {
                    String kept = deletes.delete(change);
                    if (kept != null) {
                        return ObjectResult.failed(change, kept);
                    }
                }
                default -> {
                    return ObjectResult.done(change);
                }
            }
            return ObjectResult.done(change);
        } catch (KubernetesClientException e) {
            // 400, 403, 422: the API server refuses this object as written; a conflict or throttling may pass.
            return REFUSED.contains(e.getCode()) ? ObjectResult.rejected(change, describe(change.key(), e))
                    : ObjectResult.failed(change, describe(change.key(), e));
        }
    }

    /**
     * What the server would store for this change, without storing it.
     *
     * @throws KubernetesClientException when the server refuses it (invalid, conflicting, denied by admission)
     */
    Map<String, Object> dryRun(Change change, boolean autoscaled) {
        return cluster.serverSideApply(change.key(), body(change, autoscaled), fieldManager, force(change), true);
    }

    private void upsert(Change change, boolean autoscaled, Fence fence) {
        if (autoscaled && change.actual() != null && ownsReplicas(change.actual().body())) {
            handReplicasOver(change);
            fence.check();
        }
        cluster.serverSideApply(change.key(), body(change, autoscaled), fieldManager, force(change), false);
    }

    private static Map<String, Object> body(Change change, boolean autoscaled) {
        return KubernetesPlanner.applied(change.desired().body(), autoscaled, change.actual() != null);
    }

    private static boolean force(Change change) {
        return change.actual() != null;
    }

    private boolean ownsReplicas(Map<String, Object> live) {
        return ManagedFields.field(ManagedFields.field(ManagedFields.appliedBy(live, fieldManager), "spec"),
                "replicas") != null;
    }

    /**
     * Plumbline set a Deployment's initial replicas when it created it. Applying without them would make the
     * server remove the field (back to 1); first a second manager applies the live count, sharing the field, so
     * it stays with the autoscaler when Plumbline lets go.
     */
    private void handReplicasOver(Change change) {
        Map<String, Object> live = change.actual().body();
        Map<String, Object> replicas = Nodes.map("apiVersion", live.get("apiVersion"), "kind", live.get("kind"),
                "metadata", Nodes.map("name", change.key().name(), "namespace", change.key().namespace()),
                "spec", Nodes.map("replicas", Nodes.at(live, "spec", "replicas")));
        cluster.serverSideApply(change.key(), replicas, fieldManager + "-initial-replicas", false, false);
    }

    /**
     * The server's reason, without the object's content; a conflict names the other field manager. A Secret's
     * reason is withheld, it may quote values.
     */
    static String describe(ResourceKey key, KubernetesClientException e) {
        String reason = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                : e.getMessage();
        if (KubernetesKeys.kind(key).equals("Secret")) {
            reason = "details withheld for a Secret";
        }
        String conflict = e.getCode() == HttpURLConnection.HTTP_CONFLICT
                ? " (another field manager owns these fields; Plumbline does not force a new object over them)" : "";
        return "HTTP " + e.getCode() + ": " + reason + conflict;
    }
}
