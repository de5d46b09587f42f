package io.plumbline.provider.aws;

import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.FieldChange;
import java.util.List;
import java.util.Optional;

/**
 * Changes to fields AWS cannot change in place. Replacing a VPC or a subnet would take everything in it down, so
 * Plumbline does not do it by itself: the plan says so, and apply refuses the change until the file is reverted
 * or the object is replaced by hand.
 */
final class Replacements {
    private Replacements() {
    }

    /** The reason the change is refused, when it changes an immutable field of its kind. */
    static Optional<String> refusal(AwsKind kind, Change c) {
        if (c.action() != Action.UPDATE) {
            return Optional.empty();
        }
        List<String> fields = c.fields().stream().map(FieldChange::path)
                .filter(p -> kind.immutableFields().stream().anyMatch(f -> p.equals(f) || p.startsWith(f + ".")))
                .toList();
        return fields.isEmpty() ? Optional.empty() : Optional.of("refused: " + String.join(", ", fields)
                + " cannot change in place; Plumbline does not replace a " + kind.kind() + " by itself (revert the "
                + "file, or replace it by hand)");
    }

    /** The change with its refusal as its note, so that the plan shows it. */
    static Change judge(AwsKind kind, Change c) {
        return refusal(kind, c).map(r -> new Change(c.action(), c.key(), c.desired(), c.actual(), c.fields(), r,
                c.idleCost(), c.facts())).orElse(c);
    }
}
