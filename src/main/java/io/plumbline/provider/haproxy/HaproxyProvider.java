package io.plumbline.provider.haproxy;

import io.plumbline.diff.Planner;
import io.plumbline.diff.TreeDiff;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.FieldChange;
import io.plumbline.model.Health;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Resource;
import io.plumbline.model.spec.haproxy.Backend;
import io.plumbline.provider.Fence;
import io.plumbline.provider.Provider;
import io.plumbline.render.haproxy.HaproxyResources;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * HAProxy: renders haproxy.cfg, reloads it safely through the master socket when its structure changes, and
 * drives server state, weight and address through the runtime API without a reload.
 *
 * <p>HAProxy must already run in master-worker mode (systemd starts it in production); this provider only
 * reloads it. Construct with {@code new HaproxyProvider(HaproxyOptions.defaults())}.
 */
public final class HaproxyProvider implements Provider {
    private final HaproxyOptions options;
    private final MigrationListener migrations;
    private final Clock clock;

    public HaproxyProvider(HaproxyOptions options) {
        this(options, MigrationListener.NONE);
    }

    /** @param migrations told where each migration by steps stands (the service's metrics) */
    public HaproxyProvider(HaproxyOptions options, MigrationListener migrations) {
        this(options, migrations, Clock.systemUTC());
    }

    HaproxyProvider(HaproxyOptions options, MigrationListener migrations, Clock clock) {
        this.options = options;
        this.migrations = migrations;
        this.clock = clock;
    }

    @Override
    public String name() {
        return HaproxyResources.PROVIDER;
    }

    @Override
    public boolean appliesTo(LoadedEnvironment env) {
        return HaproxyResources.declaredIn(env);
    }

    @Override
    public List<Resource> render(LoadedEnvironment env) {
        return HaproxyResources.desired(env, HaproxyLocations.of(env, options));
    }

    @Override
    public List<Resource> observe(LoadedEnvironment env, List<Resource> desired) {
        return new HaproxyObserver(HaproxyHost.of(env, options)).observe(env);
    }

    /**
     * Servers the environment no longer declares are always planned for deletion: the file is rendered whole,
     * so they leave with the next file whatever the prune setting, and the plan says so. A configuration whose
     * reload is unconfirmed differs whatever its sections: the workers do not run the file on disk.
     */
    @Override
    public ChangeSet diff(LoadedEnvironment env, List<Resource> desired, List<Resource> actual) {
        return Planner.comparing((d, a) -> differences(env, d, a)).plan(desired, actual, true);
    }

    private static List<FieldChange> differences(LoadedEnvironment env, Resource desired, Resource actual) {
        List<FieldChange> fields = new ArrayList<>(TreeDiff.diff(desired.body(), actual.body()));
        if (desired.key().kind().equals(HaproxyResources.MIGRATION) && !fields.isEmpty()) {
            // The plan shows the steps to come, each with its hold and its check.
            Backend backend = env.environment().spec().haproxy().backends().stream()
                    .filter(b -> b.name().equals(desired.key().name())).findFirst().orElseThrow();
            int share = ((Number) actual.body().get(HaproxyResources.SHARE)).intValue();
            fields.add(new FieldChange("steps", MigrationText.stepsToCome(backend.migration(), share), null));
            Object aborted = actual.body().get("aborted");
            if (aborted != null) {
                // Not a field the commit declares: why the migration of this commit stays where it is.
                fields.add(new FieldChange("aborted", null, aborted));
            }
        }
        Object reload = actual.body().get(HaproxyObserver.RELOAD);
        if (reload != null) {
            fields.add(new FieldChange(HaproxyObserver.RELOAD, "taken by the running workers", reload));
        }
        return fields;
    }

    @Override
    public List<ObjectResult> apply(LoadedEnvironment env, ChangeSet plan, Fence fence) {
        List<ObjectResult> results = new ArrayList<>(new HaproxyApplier(HaproxyHost.of(env, options, fence), fence,
                migrations, clock).apply(env, plan));
        // Unchanged objects are part of the record too ("applied 1 change, 5 unchanged").
        plan.filter(c -> !c.action().writes()).forEach(c -> results.add(ObjectResult.done(c)));
        return results;
    }

    @Override
    public Health health(LoadedEnvironment env, List<ObjectResult> applied, Fence fence) {
        return new HaproxyHealth(HaproxyHost.of(env, options, fence).runtime())
                .await(env, applied, env.environment().spec().sync().healthTimeoutDuration());
    }
}
