package io.plumbline.cli;

import io.plumbline.app.Providers;
import io.plumbline.engine.plan.Pipeline;
import io.plumbline.engine.plan.ProviderPlan;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.secrets.SecretSources;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Mixin;

/**
 * What {@code plan} and {@code apply} share: the repository, the environment, how to reach the targets, and a
 * plan made with them. Close it to close the providers' connections.
 */
final class Targets implements AutoCloseable {
    @Mixin
    RepoOptions repo = new RepoOptions();

    @Mixin
    EnvironmentOption env = new EnvironmentOption();

    @Mixin
    TargetOptions targets = new TargetOptions();

    private Providers providers;
    private SecretSources secrets;
    private Pipeline pipeline;
    private LoadedEnvironment environment;

    /** Loads every environment file (all must be valid) and connects to the targets. Writes nothing. */
    LoadedEnvironment open() throws IOException {
        environment = env.load(repo.open());
        providers = Providers.build(targets.settings());
        secrets = new SecretSources(targets.secrets());
        pipeline = new Pipeline(providers.all(), secrets);
        return environment;
    }

    /** {@link #open}, then plans the chosen environment. Writes nothing. */
    List<ProviderPlan> plan() throws IOException {
        LoadedEnvironment chosen = open();
        return pipeline.plan(chosen);
    }

    LoadedEnvironment environment() {
        return environment;
    }

    Pipeline pipeline() {
        return pipeline;
    }

    @Override
    public void close() {
        if (providers != null) {
            providers.close();
        }
        if (secrets != null) {
            secrets.close();
        }
    }
}
