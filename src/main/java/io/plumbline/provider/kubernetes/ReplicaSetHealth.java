package io.plumbline.provider.kubernetes;

import java.util.Map;
import java.util.Optional;

/** Why a ReplicaSet cannot create its pods (a quota, an admission webhook), when it says. */
final class ReplicaSetHealth {
    private ReplicaSetHealth() {
    }

    static Optional<String> problem(Map<String, Object> replicaSet) {
        return Conditions.find(replicaSet, "ReplicaFailure").filter(c -> Conditions.is(c, "True"))
                .map(c -> "replica set cannot create pods: " + Conditions.text(c));
    }
}
