package io.plumbline.provider.kubernetes;

import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.render.kubernetes.KubernetesKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A namespace the plan deletes takes everything in it along, so it is judged by its contents
 * ({@link NamespaceContents}): one that holds an object without this environment's marks is kept, and the plan
 * names what it holds; one that holds only marked objects is deleted with them, and those the plan did not
 * already delete are added to it as deletions, so the plan shows all that goes and the deletion guard counts it.
 */
final class NamespacePrune {
    static final String NAMESPACE = "v1/Namespace";
    private final NamespaceContents contents;

    NamespacePrune(Cluster cluster) {
        this.contents = new NamespaceContents(cluster);
    }

    ChangeSet judge(ChangeSet plan, String environment) {
        List<Change> deletedNamespaces = plan.filter(c -> c.action() == Action.DELETE
                && c.key().kind().equals(NAMESPACE));
        if (deletedNamespaces.isEmpty()) {
            return plan;
        }
        Set<ResourceKey> planned = plan.changes().stream().map(Change::key).collect(Collectors.toSet());
        List<Change> out = new ArrayList<>();
        List<Change> alsoDeleted = new ArrayList<>();
        for (Change c : plan.changes()) {
            if (!deletedNamespaces.contains(c)) {
                out.add(c);
                continue;
            }
            NamespaceContents.Held held = contents.of(c.key().name(), environment);
            if (held.keeps()) {
                out.add(Change.orphan(c.actual(), held.note()));
                continue;
            }
            out.add(c);
            held.owned().stream().map(body -> new Resource(KubernetesKeys.of(body), body, true))
                    .filter(r -> !planned.contains(r.key()))
                    .forEach(r -> alsoDeleted.add(new Change(Action.DELETE, r.key(), null, r, List.of(),
                            "in namespace " + c.key().name() + ", which is deleted")));
        }
        out.addAll(alsoDeleted);
        return new ChangeSet(out);
    }
}
