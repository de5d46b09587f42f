package io.plumbline.provider.kubernetes;

import io.plumbline.diff.Pair;
import io.plumbline.diff.Pairing;
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
 * The Kubernetes plan, worked out as server-side apply will merge: desired and live objects are paired and
 * compared by {@link LiveDiff} against what Plumbline's field manager owns, so a field it no longer declares is
 * a change and an entry someone else added to a keyed list is not. Beyond that: replicas under a
 * HorizontalPodAutoscaler are the autoscaler's (left out of what is applied), objects being deleted are
 * reported and left alone, objects without marks are only adopted when allowed, fields taken from another
 * manager are named, and a Secret's values never appear in a plan. The plan is pure but for remembering its
 * comparisons ({@link LastComparisons}: an object unchanged on both sides is not compared again); the provider
 * confirms its updates with the server ({@link DryRun}).
 */
final class KubernetesPlanner {
    static final String DEPLOYMENT = "apps/v1/Deployment";
    static final String BEING_DELETED = "being deleted";
    /** The field an unadopted object differs in when nothing else differs: the marks it lacks. */
    static final String MARKS = "marks";
    private final KubernetesNormaliser normaliser = new KubernetesNormaliser();
    private final LastComparisons comparisons = new LastComparisons();
    private final String fieldManager;

    KubernetesPlanner(String fieldManager) {
        this.fieldManager = fieldManager;
    }

    ChangeSet plan(LoadedEnvironment env, List<Resource> desired, List<Resource> actual) {
        Set<ResourceKey> autoscaled = autoscaled(desired);
        Sync sync = env.environment().spec().sync();
        List<Change> changes = new ArrayList<>();
        LastComparisons.Round round = comparisons.round(env.name());
        for (Pair p : Pairing.pair(desired, actual)) {
            if (p.actual() == null) {
                changes.add(Change.create(p.desired()));
            } else if (beingDeleted(p.actual())) {
                changes.add(new Change(p.desired() == null ? Action.ORPHAN : Action.NOOP, p.key(), p.desired(),
                        p.actual(), List.of(), p.desired() == null ? BEING_DELETED
                        : BEING_DELETED + "; created again once it is gone"));
            } else if (p.desired() == null) {
                changes.add(Planner.undeclared(p.actual(), sync.pruneEnabled()));
            } else {
                changes.add(compared(env, p, autoscaled.contains(p.key()), round));
            }
        }
        round.end();
        // The pipeline's deletion guard judges this plan: plan shows its verdict, apply enforces that same verdict.
        return new ChangeSet(changes);
    }

    /** The environment left the repository: its remembered comparisons go. */
    void forget(String environment) {
        comparisons.forget(environment);
    }

    /** Environments whose last comparisons are remembered. */
    Set<String> remembered() {
        return comparisons.environments();
    }

    /** Objects compared so far; one unchanged on both sides since the environment's last plan is not compared. */
    long comparisons() {
        return comparisons.compared();
    }

    private Change compared(LoadedEnvironment env, Pair p, boolean autoscaled, LastComparisons.Round round) {
        Map<String, Object> live = p.actual().body();
        Map<String, Object> wanted = applied(p.desired().body(), autoscaled, true);
        LiveDiff diff = round.diff(p.key(), wanted, live, () -> LiveDiff.of(normaliser.apply(wanted),
                normaliser.apply(live), secretDataOwned(ManagedFields.appliedBy(live, fieldManager)),
                ManagedFields.others(live, fieldManager)));
        List<FieldChange> fields = diff.fields();
        if (autoscaled) {
            // Plumbline set the initial count when it created the Deployment; from then on it is the autoscaler's
            fields = fields.stream().filter(f -> !f.path().equals("spec.replicas")).toList();
        }
        // the digests of secret references read "secret changed (sha256:…)"; a Secret's values never show
        fields = fields.stream().map(SecretRedaction::digestShown).toList();
        if (KubernetesKeys.kind(p.key()).equals("Secret")) {
            fields = fields.stream().map(SecretRedaction::redacted).toList();
        }
        String owner = otherOwner(p.desired(), p.actual());
        String note;
        boolean adoptionRefused = false;
        if (owner != null) {
            note = "belongs to Plumbline environment '" + owner + "'; will not be taken over";
        } else if (Marking.owner(live) == null) {
            adoptionRefused = !Adoption.allowed(p.desired(), env.revision());
            note = adoptionRefused ? Adoption.refusal(p.key())
                    : "adopt: takes over an existing object without Plumbline's marks";
        } else if (!diff.takeovers().isEmpty()) {
            note = "take over " + String.join(", ", diff.takeovers());
        } else {
            note = autoscaled ? "replicas are left to the HorizontalPodAutoscaler" : null;
        }
        // An unmarked object is left alone until the environment says to adopt it: the plan shows it, nothing writes,
        // and it is a difference (the marks it lacks are one field at least) until it is adopted.
        if (adoptionRefused && fields.isEmpty()) {
            fields = List.of(new FieldChange(MARKS, Marking.owner(p.desired().body()), null));
        }
        Action action = adoptionRefused ? Action.ADOPT : fields.isEmpty() ? Action.NOOP : Action.UPDATE;
        return new Change(action, p.key(), p.desired(), p.actual(), fields, note);
    }

    /**
     * The body to apply: without the adoption annotation, and for a Deployment an autoscaler scales, without
     * replicas once it exists (the declared count is only the initial value).
     */
    static Map<String, Object> applied(Map<String, Object> desired, boolean autoscaled, boolean exists) {
        Map<String, Object> body = Adoption.withoutAnnotation(desired);
        if (autoscaled && exists && Nodes.at(body, "spec", "replicas") != null) {
            body = Nodes.copy(body);
            Nodes.child(body, "spec").remove("replicas");
        }
        return body;
    }

    /** A Secret's {@code stringData} that Plumbline applied lives on as {@code data}: owned there too. */
    private static Map<String, Object> secretDataOwned(Map<String, Object> ours) {
        if (ours == null || !(ours.get("f:stringData") instanceof Map<?, ?> strings)) {
            return ours;
        }
        Map<String, Object> out = Nodes.copy(ours);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = out.get("f:data") instanceof Map<?, ?> m ? (Map<String, Object>) m
                : new java.util.LinkedHashMap<>();
        strings.forEach((k, v) -> data.put(String.valueOf(k), v));
        out.put("f:data", data);
        return out;
    }

    static boolean beingDeleted(Resource actual) {
        return Nodes.at(actual.body(), "metadata", "deletionTimestamp") != null;
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

    /**
     * The other environment whose marks the live object of a declared one carries: two environments declaring
     * the same object would otherwise take it from each other on every reconcile.
     */
    static String otherOwner(Resource desired, Resource actual) {
        if (desired == null || actual == null) {
            return null;
        }
        String owner = Marking.owner(actual.body());
        String ours = Marking.owner(desired.body());
        return owner != null && !owner.equals(ours) ? owner : null;
    }
}
