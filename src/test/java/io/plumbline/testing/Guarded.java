package io.plumbline.testing;

import io.plumbline.engine.plan.Pipeline;
import io.plumbline.engine.plan.ProviderPlan;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.provider.Provider;
import java.util.List;

/**
 * One provider's plan applied the way every apply goes: through the pipeline, where the deletion guard judges the
 * plan and refuses it before any write. A provider's own {@code apply} does not judge it.
 */
public final class Guarded {
    private Guarded() {
    }

    public static Pipeline.Applied apply(Provider provider, LoadedEnvironment env, ChangeSet plan) {
        return new Pipeline(List.of(provider)).apply(env, List.of(ProviderPlan.judged(provider, plan, env)));
    }
}
