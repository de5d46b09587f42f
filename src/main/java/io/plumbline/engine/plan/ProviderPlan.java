package io.plumbline.engine.plan;

import io.plumbline.model.ChangeSet;
import io.plumbline.provider.Provider;

/** One provider's part of a plan. */
public record ProviderPlan(Provider provider, ChangeSet changes) {
    public String name() {
        return provider.name();
    }
}
