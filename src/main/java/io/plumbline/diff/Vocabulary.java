package io.plumbline.diff;

import io.plumbline.model.Change;
import io.plumbline.model.ChangeFacts;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.FieldChange;
import io.plumbline.model.ResourceKey;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A provider's own words for what a reviewer must not miss: which of its kinds are rules, which of its fields name a
 * certificate and which hold a capacity. {@link #describe} turns them into {@link ChangeFacts} on each change of the
 * provider's plan, so that nobody else has to know them.
 *
 * @param rule             whether an object is a rule
 * @param certificateField whether a field, by its path, names a certificate
 * @param capacityFields   the names of capacity fields, matched against the last name of a field's path
 *                         ({@code replicas} for {@code spec.replicas})
 */
public record Vocabulary(Predicate<ResourceKey> rule, Predicate<String> certificateField, Set<String> capacityFields) {
    public Vocabulary {
        capacityFields = Set.copyOf(capacityFields);
    }

    public ChangeSet describe(ChangeSet plan) {
        return new ChangeSet(plan.changes().stream().map(this::describe).toList());
    }

    public Change describe(Change change) {
        ChangeFacts facts = rule.test(change.key()) ? change.facts().asRule() : change.facts();
        for (FieldChange f : change.fields()) {
            String name = lastName(f.path());
            if (certificateField.test(f.path())) {
                facts = facts.withCertificate(f.path());
            } else if (capacityFields.contains(name)) {
                facts = facts.withCapacity(f.path(), name);
            }
        }
        return facts.equals(change.facts()) ? change : change.with(facts);
    }

    /** {@code maxReplicas} of {@code spec.maxReplicas}, {@code min} of {@code actions[0].min}. */
    private static String lastName(String path) {
        return path.replaceAll(".*[.\\]]", "").replaceAll("\\[.*", "");
    }
}
