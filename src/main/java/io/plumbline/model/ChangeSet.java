package io.plumbline.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A provider's plan: one {@link Change} per object, in the order they were paired. */
public record ChangeSet(List<Change> changes) {
    public ChangeSet {
        changes = List.copyOf(changes);
    }

    public boolean hasWrites() {
        return changes.stream().anyMatch(c -> c.action().writes());
    }

    /** Whether anything differs from what is declared: a write, or an object found without the marks. */
    public boolean hasDifferences() {
        return changes.stream().anyMatch(Change::differs);
    }

    public List<Change> with(Action action) {
        return filter(c -> c.action() == action);
    }

    public List<Change> filter(Predicate<Change> predicate) {
        return changes.stream().filter(predicate).toList();
    }

    public Map<Action, Integer> counts() {
        Map<Action, Integer> counts = new EnumMap<>(Action.class);
        for (Action a : Action.values()) {
            counts.put(a, 0);
        }
        changes.forEach(c -> counts.merge(c.action(), 1, Integer::sum));
        return counts;
    }

    public ChangeSet plus(ChangeSet other) {
        List<Change> all = new ArrayList<>(changes);
        all.addAll(other.changes);
        return new ChangeSet(all);
    }
}
