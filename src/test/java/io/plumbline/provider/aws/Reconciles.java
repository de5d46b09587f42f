package io.plumbline.provider.aws;

import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Resource;
import java.util.List;

/** One reconcile through the provider contract, the way the engine runs it. */
final class Reconciles {
    private Reconciles() {
    }

    static ChangeSet plan(AwsProvider provider, LoadedEnvironment env) {
        List<Resource> desired = provider.render(env);
        return provider.diff(env, desired, provider.observe(env, desired));
    }

    static List<ObjectResult> apply(AwsProvider provider, LoadedEnvironment env) {
        return provider.apply(env, plan(provider, env));
    }
}
