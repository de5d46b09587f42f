package io.plumbline.engine.plan;

import io.plumbline.diff.DeletionGuard;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.provider.Provider;

/**
 * One provider's part of a plan, with the deletion guard's verdict on it: the one judgement that {@code plan} shows
 * and {@link Pipeline#apply} enforces, for every provider alike.
 */
public record ProviderPlan(Provider provider, ChangeSet changes, DeletionGuard.Verdict guard) {
    /** The provider's plan, judged by the deletion guard with the environment's limit and its commit's trailers. */
    public static ProviderPlan judged(Provider provider, ChangeSet changes, LoadedEnvironment env) {
        return new ProviderPlan(provider, changes, DeletionGuard.verdict(provider.name(), changes,
                env.environment().spec().sync().maxDeletePercent(), env.revision()));
    }

    public String name() {
        return provider.name();
    }
}
