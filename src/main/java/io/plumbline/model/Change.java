package io.plumbline.model;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One object's entry in a plan.
 *
 * @param desired null for DELETE and ORPHAN
 * @param actual  null for CREATE
 * @param fields  the differing fields of an UPDATE; empty otherwise
 * @param note    why, when the action needs explaining (an orphan kept, a field left to an autoscaler)
 * @param idleCost the object costs money for as long as it exists, used or not (a NAT gateway, an address); the
 *                 provider says so, and plans show it so that nobody keeps one by mistake
 * @param facts   what the provider knows the change to be (a rule, drift, a certificate or a capacity field), read
 *                in place of its notes and names
 */
public record Change(Action action, ResourceKey key, Resource desired, Resource actual, List<FieldChange> fields,
                     String note, boolean idleCost, ChangeFacts facts) {
    public Change {
        fields = fields == null ? List.of() : List.copyOf(fields);
        facts = facts == null ? ChangeFacts.NONE : facts;
    }

    public Change(Action action, ResourceKey key, Resource desired, Resource actual, List<FieldChange> fields,
                  String note, boolean idleCost) {
        this(action, key, desired, actual, fields, note, idleCost, ChangeFacts.NONE);
    }

    public Change(Action action, ResourceKey key, Resource desired, Resource actual, List<FieldChange> fields,
                  String note) {
        this(action, key, desired, actual, fields, note, false);
    }

    /** The same change, marked as keeping an object that costs money while idle. */
    public Change withIdleCost() {
        return new Change(action, key, desired, actual, fields, note, true, facts);
    }

    /** The same change with these facts. */
    public Change with(ChangeFacts facts) {
        return new Change(action, key, desired, actual, fields, note, idleCost, facts);
    }

    /** Whether the object exists after this change and costs money while idle. */
    public boolean keepsIdleCost() {
        return idleCost && desired != null;
    }

    /**
     * Whether the object differs from what is declared: a write to make, or a declared object found without the
     * marks and left alone ({@link Action#ADOPT}) whose fields differ from the declaration. An adopt without fields
     * is an object used as it is (an AWS container or certificate found by name), not a difference.
     */
    public boolean differs() {
        return action.writes() || action == Action.ADOPT && !fields.isEmpty();
    }

    /** The top-level body fields that differ ({@code tags} for {@code tags.team}, {@code rules} for {@code rules[0]}). */
    public Set<String> topFields() {
        return fields.stream().map(f -> f.path().split("[.\\[]")[0]).collect(Collectors.toSet());
    }

    public static Change create(Resource desired) {
        return new Change(Action.CREATE, desired.key(), desired, null, List.of(), null);
    }

    public static Change update(Resource desired, Resource actual, List<FieldChange> fields) {
        return new Change(Action.UPDATE, desired.key(), desired, actual, fields, null);
    }

    public static Change noop(Resource desired, Resource actual) {
        return new Change(Action.NOOP, desired.key(), desired, actual, List.of(), null);
    }

    public static Change delete(Resource actual) {
        return new Change(Action.DELETE, actual.key(), null, actual, List.of(), null);
    }

    /** A declared object found without this environment's marks: shown, not written. */
    public static Change adopt(Resource desired, Resource actual, String note) {
        return new Change(Action.ADOPT, desired.key(), desired, actual, List.of(), note);
    }

    public static Change orphan(Resource actual, String note) {
        return new Change(Action.ORPHAN, actual.key(), null, actual, List.of(), note);
    }
}
