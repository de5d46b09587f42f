package io.plumbline.provider.aws;

import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Ownership at the moment of deletion: a plan may rest on account-wide lists shared between environments for a few
 * seconds ({@link SharedReads}), so before the objects of a kind that carried the marks are deleted, the kind is read
 * again from AWS, past that memory, and an object that no longer carries this environment's marks (or now carries a
 * {@code shared} cluster tag) is kept; the others are deleted as just read (ECR's {@code deleteWithImages}, a tag,
 * is taken from that read). Kinds that remember reads of their own read past that memory too here
 * ({@link Lookup#sharing}). Deletions the environment asks for without marks (members of a group declared
 * exclusive) rest on the declaration, not on the marks, and are left as planned.
 */
final class MarksAtDeletion {
    private final Supplier<AwsContext> unshared;
    private final ChangeSet plan;

    MarksAtDeletion(Supplier<AwsContext> unshared, ChangeSet plan) {
        this.unshared = unshared;
        this.plan = plan;
    }

    /** The deletions of {@code kind} still owned now; a refusal for each of the others is added to {@code results}. */
    List<Change> confirm(AwsKind kind, List<Change> deletes, List<ObjectResult> results) {
        if (deletes.stream().noneMatch(c -> c.actual().owned())) {
            return deletes;
        }
        List<Resource> desired = plan.filter(c -> c.key().kind().equals(kind.kind()) && c.desired() != null).stream()
                .map(Change::desired).toList();
        Map<ResourceKey, Resource> now;
        try {
            now = kind.observe(unshared.get(), desired).stream()
                    .collect(Collectors.toMap(Resource::key, Function.identity(), (a, b) -> a));
        } catch (RuntimeException e) {
            AwsErrors.rethrowUnexpected(e);
            // As a failed deletion would be: reported on each object, and the other kinds go on.
            deletes.forEach(c -> results.add(ObjectResult.failed(c, "reading " + kind.kind()
                    + " again before deleting: " + AwsErrors.describe(e))));
            return List.of();
        }
        List<Change> confirmed = new ArrayList<>();
        for (Change c : deletes) {
            Resource found = now.get(c.key());
            if (!c.actual().owned()) {
                confirmed.add(c);
            } else if (found != null && Ownership.deletable(found)) {
                confirmed.add(asReadNow(c, found));
            } else {
                // Not found at all is the same answer: what carries the marks is always found.
                results.add(ObjectResult.rejected(c, "aws: " + c.key() + " no longer carries this environment's "
                        + "marks when read again before deleting; it is kept"));
            }
        }
        return confirmed;
    }

    /** The deletion of the object as just read, so what the delete decides besides the marks rests on it too. */
    private static Change asReadNow(Change c, Resource found) {
        return new Change(c.action(), c.key(), c.desired(), found, c.fields(), c.note(), c.idleCost(), c.facts());
    }
}
