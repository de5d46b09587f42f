package io.plumbline.engine.review;

import java.util.List;

/** Told of each pull-request head planned (a comment on the pull request, say). Runs off the reconcile path. */
public interface PlanListener {
    PlanListener NONE = (ref, reports) -> {
    };

    /** @param ref the pull-request ref the head was found on, e.g. {@code refs/pull/12/head} */
    void planned(String ref, List<PlanReport> reports);
}
