package io.plumbline.provider.kubernetes;

import io.plumbline.diff.DeletionGuard;
import io.plumbline.diff.Planner;
import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.FieldChange;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.model.spec.Sync;
import io.plumbline.render.kubernetes.KubernetesKeys;
import io.plumbline.render.kubernetes.Marking;
import io.plumbline.render.kubernetes.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Kubernetes plan: the generic {@link Planner} with Kubernetes normalisation, plus what only Kubernetes
 * knows: replicas under a HorizontalPodAutoscaler are the autoscaler's, fields Plumbline set earlier and no
 * longer declares are differences, and a Secret's values never appear in a plan.
 */
final class KubernetesPlanner {
    static final String DEPLOYMENT = "apps/v1/Deployment";
    private final Planner planner = new Planner(new KubernetesNormaliser());

    ChangeSet plan(LoadedEnvironment env, List<Resource> desired, List<Resource> actual) {
        Set<ResourceKey> autoscaled = autoscaled(desired);
        Map<ResourceKey, Resource> actualByKey = actual.stream()
                .collect(Collectors.toMap(Resource::key, r -> r, (a, b) -> a));
        List<Resource> wanted = desired.stream()
                .map(d -> autoscaled.contains(d.key()) ? keepLiveReplicas(d, actualByKey.get(d.key())) : d)
                .toList();
        Sync sync = env.environment().spec().sync();
        ChangeSet base = planner.plan(wanted, actual, sync.pruneEnabled());
        List<Change> changes = new ArrayList<>();
        for (Change c : base.changes()) {
            changes.add(c.desired() != null && c.actual() != null ? compared(c, autoscaled) : c);
        }
        ChangeSet plan = new ChangeSet(changes);
        DeletionGuard.check(KubernetesKeys.PROVIDER, plan, sync.maxDeletePercent(), env.revision());
        return plan;
    }

    /** Deployments that a desired HorizontalPodAutoscaler scales. */
    static Set<ResourceKey> autoscaled(List<Resource> desired) {
        return desired.stream()
                .filter(r -> KubernetesKeys.kind(r.key()).equals("HorizontalPodAutoscaler"))
                .filter(r -> "Deployment".equals(Nodes.at(r.body(), "spec", "scaleTargetRef", "kind")))
                .map(r -> KubernetesKeys.of("apps/v1", "Deployment", r.key().namespace(),
                        String.valueOf(Nodes.at(r.body(), "spec", "scaleTargetRef", "name"))))
                .collect(Collectors.toSet());
    }

    /** The declared replicas are only the initial value; once the Deployment exists its live count stands. */
    private static Resource keepLiveReplicas(Resource desired, Resource actual) {
        Object live = actual == null ? null : Nodes.at(actual.body(), "spec", "replicas");
        if (live == null) {
            return desired;
        }
        Map<String, Object> body = Nodes.copy(desired.body());
        Nodes.child(body, "spec").put("replicas", live);
        return new Resource(desired.key(), body, desired.owned());
    }

    private static Change compared(Change c, Set<ResourceKey> autoscaled) {
        List<FieldChange> fields = new ArrayList<>(c.fields());
        for (List<String> path : AppliedFields.removed(c.desired().body(), c.actual().body())) {
            fields.add(new FieldChange(String.join(".", path), null, valueAt(c.actual().body(), path)));
        }
        if (KubernetesKeys.kind(c.key()).equals("Secret")) {
            fields = fields.stream().map(SecretRedaction::redacted).toList();
        }
        String owner = otherOwner(c);
        String note = owner != null ? "belongs to Plumbline environment '" + owner + "'; will not be taken over"
                : autoscaled.contains(c.key()) ? "replicas are left to the HorizontalPodAutoscaler" : null;
        Action action = fields.isEmpty() ? Action.NOOP : Action.UPDATE;
        return new Change(action, c.key(), c.desired(), c.actual(), fields, note);
    }

    /**
     * The other environment whose marks the live object of a declared one carries: two environments declaring
     * the same object would otherwise take it from each other on every reconcile.
     */
    static String otherOwner(Change c) {
        if (c.desired() == null || c.actual() == null) {
            return null;
        }
        String owner = Marking.owner(c.actual().body());
        String ours = Marking.owner(c.desired().body());
        return owner != null && !owner.equals(ours) ? owner : null;
    }

    private static Object valueAt(Map<String, Object> body, List<String> path) {
        return Nodes.at(body, path.toArray(String[]::new));
    }
}
