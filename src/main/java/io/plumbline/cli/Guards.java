package io.plumbline.cli;

import io.plumbline.diff.DeletionGuard;
import io.plumbline.engine.plan.ProviderPlan;
import io.plumbline.model.LoadedEnvironment;

/** The deletion guard's verdict on one provider's plan, with the environment's limit and the commit's trailers. */
final class Guards {
    private Guards() {
    }

    static DeletionGuard.Verdict verdict(LoadedEnvironment env, ProviderPlan plan) {
        return DeletionGuard.verdict(plan.name(), plan.changes(), env.environment().spec().sync().maxDeletePercent(),
                env.revision());
    }
}
