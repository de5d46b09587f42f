package io.plumbline.cluster;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.plumbline.engine.loop.Assignment.Decisions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An environment's decisions as annotations of its Lease: {@code plumbline.io/suspended: "true"} while an operator
 * suspended it, {@code plumbline.io/held-commit} and {@code plumbline.io/held-reason} while a rollback holds a
 * commit. The Lease is where they belong in a fleet: only its holder writes it (compare and swap on resourceVersion,
 * like every renewal), every renewal and handover carries its annotations along, and the next holder reads them in
 * the same list it takes the Lease from — no second object, and no right beyond the Leases the fleet has already.
 */
final class DecisionMarks {
    static final String SUSPENDED = "plumbline.io/suspended";
    static final String HELD_COMMIT = "plumbline.io/held-commit";
    static final String HELD_REASON = "plumbline.io/held-reason";
    private static final int MAX_REASON = 4096;

    private DecisionMarks() {
    }

    /** The annotations that say {@code decisions}; none for no decision. */
    static Map<String, String> annotations(Decisions decisions) {
        Map<String, String> marks = new HashMap<>();
        if (decisions.suspended()) {
            marks.put(SUSPENDED, "true");
        }
        if (!decisions.heldCommit().isEmpty()) {
            marks.put(HELD_COMMIT, decisions.heldCommit());
            // An annotation is no place for a long log: the reason is the status's first lines.
            String reason = decisions.heldReason();
            marks.put(HELD_REASON, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
        }
        return marks;
    }

    /** The decisions the Lease carries. */
    static Decisions of(Lease lease) {
        Map<String, String> marks = lease.getMetadata().getAnnotations() == null ? Map.of()
                : lease.getMetadata().getAnnotations();
        String held = marks.getOrDefault(HELD_COMMIT, "");
        return new Decisions("true".equals(marks.get(SUSPENDED)), held,
                held.isEmpty() ? "" : marks.getOrDefault(HELD_REASON, ""));
    }

    /** The Lease with its decision annotations replaced by {@code decisions}, its other annotations kept. */
    static Lease with(Lease lease, Decisions decisions) {
        Map<String, String> marks = new HashMap<>(lease.getMetadata().getAnnotations() == null ? Map.of()
                : lease.getMetadata().getAnnotations());
        marks.keySet().removeAll(List.of(SUSPENDED, HELD_COMMIT, HELD_REASON));
        marks.putAll(annotations(decisions));
        return new LeaseBuilder(lease).editMetadata().withAnnotations(marks).endMetadata().build();
    }
}
