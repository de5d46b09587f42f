package io.plumbline.diff;

import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.FieldChange;
import io.plumbline.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Turns desired and actual objects into a plan: pair, normalise, compare, and decide what happens to
 * objects that are no longer declared.
 */
public final class Planner {
    /** The differing fields of a declared object and the object found. */
    public interface Comparison {
        List<FieldChange> fields(Resource desired, Resource actual);
    }

    private final Comparison comparison;

    /** @param normalise removes what the server fills in and rewrites equal spellings, applied to both sides */
    public Planner(UnaryOperator<Map<String, Object>> normalise) {
        this((d, a) -> TreeDiff.diff(normalise.apply(d.body()), normalise.apply(a.body())));
    }

    private Planner(Comparison comparison) {
        this.comparison = comparison;
    }

    /** A planner whose provider compares the fields of each kind its own way. */
    public static Planner comparing(Comparison comparison) {
        return new Planner(comparison);
    }

    public static Planner exact() {
        return new Planner(UnaryOperator.identity());
    }

    public ChangeSet plan(List<Resource> desired, List<Resource> actual, boolean prune) {
        List<Change> changes = new ArrayList<>();
        for (Pair p : Pairing.pair(desired, actual)) {
            if (p.actual() == null) {
                changes.add(Change.create(p.desired()));
            } else if (p.desired() == null) {
                changes.add(undeclared(p.actual(), prune));
            } else {
                List<FieldChange> fields = comparison.fields(p.desired(), p.actual());
                changes.add(fields.isEmpty() ? Change.noop(p.desired(), p.actual())
                        : Change.update(p.desired(), p.actual(), fields));
            }
        }
        return new ChangeSet(changes);
    }

    /**
     * An object found that the environment does not declare: deleted when it carries the marks and pruning is on,
     * otherwise kept and shown with why. Objects without the marks are never deleted.
     */
    public static Change undeclared(Resource actual, boolean prune) {
        if (!actual.owned()) {
            return Change.orphan(actual, "not created by Plumbline for this environment; never deleted");
        }
        return prune ? Change.delete(actual) : Change.orphan(actual, "no longer declared; pruning is off");
    }
}
