package io.plumbline.provider.haproxy;

import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Marks;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.spec.haproxy.Backend;
import io.plumbline.provider.Fence;
import io.plumbline.provider.ProviderException;
import io.plumbline.render.haproxy.ConfigRenderer;
import io.plumbline.render.haproxy.HaproxyResources;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies a plan: a structural change (the {@code Config}, a server added or removed) writes a new file and
 * reloads; server state, weight and address then go through the runtime API, servers coming back first so the
 * pool is never emptier than it must be. Migrations by steps run last, on the servers as this commit declares them.
 */
final class HaproxyApplier {
    private static final Comparator<Change> READY_FIRST = Comparator.comparingInt(HaproxyApplier::stateOrder);
    private final HaproxyHost host;
    private final Fence fence;
    private final MigrationListener listener;
    private final Clock clock;

    HaproxyApplier(HaproxyHost host, Fence fence, MigrationListener listener, Clock clock) {
        this.host = host;
        this.fence = fence;
        this.listener = listener;
        this.clock = clock;
    }

    List<ObjectResult> apply(LoadedEnvironment env, ChangeSet plan) {
        List<Change> writes = plan.filter(c -> c.action().writes());
        if (writes.isEmpty()) {
            return List.of();
        }
        host.master().requirePresent();
        refuseForeignConfig(plan);
        String text = ConfigRenderer.render(env, host.paths());
        List<ObjectResult> results = new ArrayList<>();
        boolean structural = writes.stream().anyMatch(HaproxyApplier::needsReload);
        List<Change> servers = writes.stream().filter(c -> !isConfig(c) && !isMigration(c)).sorted(READY_FIRST)
                .toList();
        List<Change> migrations = writes.stream().filter(HaproxyApplier::isMigration).toList();
        if (structural) {
            ProviderException notReloaded = reload(text);
            Change config = writes.stream().filter(HaproxyApplier::isConfig).findFirst().orElse(null);
            if (config != null) {
                results.add(notReloaded == null ? ObjectResult.done(config)
                        : failed(config, notReloaded, notReloaded.getMessage()));
            }
            if (notReloaded != null) {
                // The proxy runs the previous file: no server of this commit is touched, so nothing of it stays.
                servers.forEach(change -> results.add(notReloaded(change, notReloaded)));
                migrations.forEach(change -> results.add(notReloaded(change, notReloaded)));
                return results;
            }
        }
        Map<String, LiveServer> live = host.runtime().servers().stream()
                .collect(Collectors.toMap(s -> s.backend() + "/" + s.name(), Function.identity()));
        servers.forEach(change -> results.add(applyServer(change, live)));
        // A restart (not a reload) starts from the file and the saved state: keep both in step with the runtime.
        if (!servers.isEmpty() && !structural) {
            host.reloader().replaceWithoutReload(text);
        } else if (!servers.isEmpty()) {
            host.reloader().saveServerState(text);
        }
        if (results.stream().noneMatch(r -> r.result() == ObjectResult.Result.FAILED)) {
            migrations.forEach(change -> results.add(migrate(env, change, text)));
        } else {
            migrations.forEach(change -> results.add(ObjectResult.skipped(change, "not started: a change of its"
                    + " servers failed")));
        }
        return results;
    }

    private ObjectResult migrate(LoadedEnvironment env, Change change, String text) {
        Backend backend = env.environment().spec().haproxy().backends().stream()
                .filter(b -> b.name().equals(change.key().name())).findFirst().orElseThrow();
        return new MigrationRun(host, host.migrations(), listener, clock, () -> host.reloader().saveServerState(text))
                .apply(env.name(), env.revision().commit(), backend, change, fence);
    }

    /** Null when HAProxy took the new file; otherwise why not. */
    private ProviderException reload(String text) {
        try {
            host.reloader().reload(text);
            return null;
        } catch (ProviderException e) {
            return e;
        }
    }

    /** A failed reload is a health failure; a file HAProxy's check refused waits for a new commit. */
    private static ObjectResult failed(Change change, ProviderException e, String message) {
        if (e instanceof Reloader.NotTaken) {
            return ObjectResult.unhealthy(change, message);
        }
        return e.retryable() ? ObjectResult.failed(change, message) : ObjectResult.rejected(change, message);
    }

    /**
     * A server change left undone because the file was not reloaded (or not surely): one it adds or removes failed
     * with it, as a health failure when the reload was refused and as passing trouble when it is unconfirmed.
     */
    private static ObjectResult notReloaded(Change change, ProviderException e) {
        String id = change.key().namespace() + "/" + change.key().name();
        return change.action() == Action.UPDATE
                ? ObjectResult.skipped(change, "not applied: haproxy's reload of the configuration of this commit"
                        + (e instanceof Reloader.NotTaken ? " failed" : " is not confirmed"))
                : failed(change, e, "the configuration that " + (change.action() == Action.CREATE ? "adds" : "removes")
                        + " " + id + " was not applied");
    }

    private ObjectResult applyServer(Change change, Map<String, LiveServer> live) {
        String id = change.key().namespace() + "/" + change.key().name();
        LiveServer server = live.get(id);
        if (change.action() == Action.DELETE) {
            return server == null ? ObjectResult.done(change)
                    : ObjectResult.failed(change, id + " is still served after the reload");
        }
        if (server == null) {
            return ObjectResult.failed(change, "haproxy has no server " + id);
        }
        List<String> errors = host.servers().converge(server, change.desired().body());
        return errors.isEmpty() ? ObjectResult.done(change) : ObjectResult.failed(change, String.join("; ", errors));
    }

    /** Plumbline rewrites the whole file, so it refuses to overwrite one it did not write. */
    private void refuseForeignConfig(ChangeSet plan) {
        plan.filter(HaproxyApplier::isConfig).stream()
                .filter(c -> c.actual() != null && !c.actual().owned())
                .findFirst()
                .ifPresent(c -> {
                    throw ProviderException.refused(host.paths().config() + " was not written by Plumbline (its first"
                            + " line is not '" + Marks.HAPROXY_HEADER + "'); move it aside or"
                            + " start it with that line to let Plumbline manage it");
                });
    }

    private static boolean needsReload(Change change) {
        return isConfig(change) || change.action() != Action.UPDATE;
    }

    private static boolean isMigration(Change change) {
        return change.key().kind().equals(HaproxyResources.MIGRATION);
    }

    private static boolean isConfig(Change change) {
        return change.key().kind().equals(HaproxyResources.CONFIG);
    }

    /** Servers coming back (ready) first, then the rest, then those leaving (drain, maint). */
    private static int stateOrder(Change change) {
        Object state = change.desired() == null ? null : change.desired().body().get("state");
        if ("ready".equals(state)) {
            return 0;
        }
        return "drain".equals(state) ? 2 : "maint".equals(state) ? 3 : 1;
    }
}
