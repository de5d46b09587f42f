package io.plumbline.provider.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.ResourceKey;
import io.plumbline.render.kubernetes.KubernetesKeys;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes one change. Server-side apply (field manager {@code plumbline}) is the way; against a server that does
 * not take apply patches (415, or 404 on an object that a plain create then makes) it switches, once and for
 * good, to a three-way merge as {@code kubectl apply} does it: create, or replace the live object by itself with
 * the desired fields laid over it and the fields Plumbline set last time and no longer declares taken out
 * ({@link AppliedFields}). A 409 Conflict is retried on fresh state.
 */
final class ObjectWriter {
    private static final int CONFLICT = HttpURLConnection.HTTP_CONFLICT;
    private static final int NOT_FOUND = HttpURLConnection.HTTP_NOT_FOUND;
    private static final int UNSUPPORTED_MEDIA_TYPE = 415;
    /** Answers that refuse the object as written; anything else (a conflict, throttling, a 5xx) may pass. */
    private static final Set<Integer> REFUSED = Set.of(400, 403, 422);

    private final Cluster cluster;
    private final KubernetesOptions options;
    private final AtomicBoolean serverSideApply = new AtomicBoolean(true);

    ObjectWriter(Cluster cluster, KubernetesOptions options) {
        this.cluster = cluster;
        this.options = options;
    }

    ObjectResult write(Change change) {
        if (change.action() == Action.DELETE && !change.actual().owned()) {
            return ObjectResult.skipped(change, "not Plumbline's to delete");
        }
        String otherOwner = KubernetesPlanner.otherOwner(change);
        if (otherOwner != null) {
            return ObjectResult.rejected(change, "belongs to Plumbline environment '" + otherOwner + "'; not taken over");
        }
        try {
            switch (change.action()) {
                case CREATE, UPDATE -> upsert(change);
                case DELETE -> delete(change);
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

    boolean usesServerSideApply() {
        return serverSideApply.get();
    }

    private void upsert(Change change) {
        Map<String, Object> body = AppliedFields.annotate(change.desired().body());
        if (serverSideApply.get()) {
            try {
                withRetries(() -> cluster.serverSideApply(change.key(), body, options.fieldManager()));
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() == UNSUPPORTED_MEDIA_TYPE) {
                    serverSideApply.set(false);
                } else if (e.getCode() != NOT_FOUND || change.actual() != null) {
                    throw e;
                }
            }
        }
        merge(change);
        if (change.actual() == null) {
            // the plain create worked where the apply patch found nothing: the server cannot apply
            serverSideApply.set(false);
        }
    }

    private void merge(Change change) {
        Map<String, Object> current = change.actual() == null ? null : change.actual().body();
        if (current == null) {
            try {
                cluster.create(change.key(), AppliedFields.annotate(change.desired().body()));
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != CONFLICT) {
                    throw e;
                }
                // it exists after all (made meanwhile, or not carrying our label): merge onto what is there
                current = cluster.get(change.key());
            }
        }
        for (int attempt = 0; ; attempt++) {
            try {
                cluster.replace(change.key(), AppliedFields.merged(change.desired().body(), current));
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != CONFLICT || attempt >= options.conflictRetries()) {
                    throw e;
                }
                current = cluster.get(change.key());
            }
        }
    }

    private void withRetries(Runnable write) {
        for (int attempt = 0; ; attempt++) {
            try {
                write.run();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != CONFLICT || attempt >= options.conflictRetries()) {
                    throw e;
                }
            }
        }
    }

    private void delete(Change change) {
        try {
            cluster.delete(change.key());
        } catch (KubernetesClientException e) {
            if (e.getCode() != NOT_FOUND) {
                throw e;
            }
        }
    }

    /** The server's reason, without the object's content; a Secret's reason is withheld, it may quote values. */
    private static String describe(ResourceKey key, KubernetesClientException e) {
        String reason = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                : e.getMessage();
        if (KubernetesKeys.kind(key).equals("Secret")) {
            reason = "details withheld for a Secret";
        }
        return "HTTP " + e.getCode() + ": " + reason;
    }
}
