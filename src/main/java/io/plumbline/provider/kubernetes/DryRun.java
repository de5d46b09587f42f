package io.plumbline.provider.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.plumbline.model.Change;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Problem;
import io.plumbline.provider.ProviderException;
import io.plumbline.render.kubernetes.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The server as the oracle: what a dry-run apply says about a change, before anything is written. */
final class DryRun {
    private static final int CONFLICT = 409;
    private static final int TOO_MANY_REQUESTS = 429;

    private DryRun() {
    }

    /** Whether the server would store the object just as it is now (its own bookkeeping aside). */
    static boolean storesNothingNew(Map<String, Object> result, Map<String, Object> live) {
        return content(result).equals(content(live));
    }

    private static Map<String, Object> content(Map<String, Object> body) {
        Map<String, Object> out = Nodes.copy(body);
        out.remove("status");
        Map<String, Object> metadata = Nodes.child(out, "metadata");
        metadata.remove("managedFields");
        metadata.remove("resourceVersion");
        metadata.remove("generation");
        return out;
    }

    /** Whether the server refused the write itself (invalid, conflicting, denied), as against failing to answer. */
    static boolean refused(KubernetesClientException e) {
        return e.getCode() >= 400 && e.getCode() < 500 && e.getCode() != TOO_MANY_REQUESTS;
    }

    /**
     * Dry-runs every write; when the server refuses any, nothing is written and the reconcile stops: invalid
     * input (exit 2, no retry) naming each refused object, or, for a conflict with another field manager, a
     * refusal that waits for a new commit.
     */
    static void all(LoadedEnvironment env, List<Change> writes, Function<Change, Map<String, Object>> dryRun) {
        List<Change> changes = writes.stream().filter(c -> c.desired() != null).toList();
        List<Optional<KubernetesClientException>> answers = Parallel.map(changes, change -> {
            try {
                dryRun.apply(change);
                return Optional.empty();
            } catch (KubernetesClientException e) {
                if (!refused(e)) {
                    throw e;
                }
                return Optional.of(e);
            }
        });
        List<String> refusals = new ArrayList<>();
        boolean conflict = false;
        for (int i = 0; i < changes.size(); i++) {
            if (answers.get(i).isPresent()) {
                KubernetesClientException e = answers.get(i).get();
                Change change = changes.get(i);
                conflict |= e.getCode() == CONFLICT;
                refusals.add(change.key() + ": refused by the API server: " + ObjectWriter.describe(change.key(), e));
            }
        }
        if (refusals.isEmpty()) {
            return;
        }
        String message = "kubernetes: nothing applied; " + String.join("; ", refusals);
        if (conflict) {
            throw ProviderException.refused(message);
        }
        throw new InvalidInputException(refusals.stream().map(r -> Problem.inFile(env.file(), r))
                .toList());
    }
}
