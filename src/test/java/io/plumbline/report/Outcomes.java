package io.plumbline.report;

import io.plumbline.model.Action;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Outcome;
import io.plumbline.model.Problem;
import io.plumbline.model.ResourceKey;
import io.plumbline.model.Revision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reconcile outcomes as the engine leaves them, for the staging environment of the example repository. */
final class Outcomes {
    static final String COMMIT = "3f2a9c41d07b5e86a1c2d3e4f5a6b7c8d9e0f1a2";
    static final Revision REVISION = new Revision(COMMIT, "refs/heads/main", "Scale the frontend to five");
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private Outcomes() {
    }

    /** Three objects configured and 41 unchanged: "applied 3 changes, 41 unchanged". */
    static Outcome success() {
        List<ObjectResult> results = new ArrayList<>();
        for (int i = 0; i < 44; i++) {
            results.add(new ObjectResult(ResourceKey.of("kubernetes", "apps/v1/Deployment", "example", "app-" + i),
                    i < 3 ? ObjectResult.Result.CONFIGURED : ObjectResult.Result.UNCHANGED,
                    i < 3 ? Action.UPDATE : Action.NOOP, ""));
        }
        return outcome(Outcome.Result.SUCCESS, Map.of("kubernetes", results), List.of(), "");
    }

    static Outcome invalid() {
        return outcome(Outcome.Result.INVALID, Map.of(), List.of(new Problem("environments/staging.yaml", 12, 5,
                "/spec/kubernetes/applications/0/replicas", "must be an integer, got \"four\"")), "");
    }

    static Outcome failure(String error) {
        return outcome(Outcome.Result.FAILURE, Map.of(), List.of(), error);
    }

    static Outcome refused() {
        return outcome(Outcome.Result.REFUSED, Map.of(), List.of(),
                "would delete 12 of 44 owned objects (27%), more than the 20% allowed");
    }

    private static Outcome outcome(Outcome.Result result, Map<String, List<ObjectResult>> results,
                                   List<Problem> problems, String error) {
        return new Outcome("staging", "environments/staging.yaml", REVISION, "poll", T0, T0.plusSeconds(4), result,
                results, null, problems, error);
    }
}
