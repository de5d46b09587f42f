package io.plumbline.engine.plan;

import io.plumbline.model.LoadedEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The values of an environment that choose whose identity is used, which endpoint is called or which local file
 * or socket is opened (each provider's section of the environment says which they are). A plan of a pull request
 * runs with the service's credentials on the service's host, so these are taken from the environment branch only:
 * a pull request that changes one is not planned, and the change is planned once it is merged. (Manifest folders
 * need no fence: they are read from the commit's own tree and the schema refuses absolute paths and {@code ..}.)
 */
public final class PlanFence {
    private PlanFence() {
    }

    /**
     * The fenced values {@code proposed} changes against the branch's version of the environment; every one when
     * the branch has no such environment yet. Empty: the proposal may be planned.
     */
    public static List<String> crossed(LoadedEnvironment proposed, Optional<LoadedEnvironment> onBranch) {
        if (onBranch.isEmpty()) {
            return List.of("a new environment");
        }
        Map<String, Object> branch = onBranch.get().environment().spec().identity();
        Map<String, Object> pr = proposed.environment().spec().identity();
        return branch.keySet().stream().filter(path -> !Objects.equals(branch.get(path), pr.get(path))).toList();
    }
}
