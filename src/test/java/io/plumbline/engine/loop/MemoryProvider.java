package io.plumbline.engine.loop;

import io.plumbline.model.Change;
import io.plumbline.model.ChangeSet;
import io.plumbline.model.FieldChange;
import io.plumbline.model.Health;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Resource;
import io.plumbline.model.ResourceKey;
import io.plumbline.provider.Fence;
import io.plumbline.provider.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A target system kept in memory: each environment owns one object whose only field is the commit it was last
 * applied from. Calls can be held at a {@link Gate}, made to fail, or (stuck) made to accept writes that do not land.
 * Several providers may share one target (the replicas of a fleet), each recording its own calls.
 */
public final class MemoryProvider implements Provider {
    /** environment → the commit its object was written from. */
    public final Map<String, String> live;
    /** {@code env@commit} for every apply call, in order. */
    public final List<String> applies = new CopyOnWriteArrayList<>();
    /** {@code env@commit} for every object this provider wrote, in order. */
    public final List<String> writes = new CopyOnWriteArrayList<>();
    /** {@code env} for every observe call, in order. */
    final List<String> observes = new CopyOnWriteArrayList<>();
    /** What the next calls throw: exceptions, or errors (which a provider never means to throw). */
    final Queue<Throwable> applyFailures = new ConcurrentLinkedQueue<>();
    final Queue<Throwable> observeFailures = new ConcurrentLinkedQueue<>();
    /** Environments the engine told this provider to forget, in order. */
    final List<String> forgotten = new CopyOnWriteArrayList<>();
    /** Commits whose applied object never becomes healthy. */
    public final Set<String> unhealthy = ConcurrentHashMap.newKeySet();
    volatile boolean stuck;
    volatile boolean reject;
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    MemoryProvider() {
        this(new ConcurrentHashMap<>());
    }

    /** A provider writing to {@code live}, a target other providers may share. */
    public MemoryProvider(Map<String, String> live) {
        this.live = live;
    }

    /** Holds the next {@code step} (observe, apply, health) of {@code environment}. */
    Gate hold(String step, String environment) {
        Gate gate = new Gate();
        gates.put(step + ":" + environment, gate);
        return gate;
    }

    List<String> appliesOf(String environment) {
        return applies.stream().filter(a -> a.startsWith(environment + "@"))
                .map(a -> a.substring(environment.length() + 1)).toList();
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public boolean appliesTo(LoadedEnvironment env) {
        return true;
    }

    @Override
    public List<Resource> render(LoadedEnvironment env) {
        return List.of(Resource.desired(key(env.name()), Map.of("commit", env.revision().commit())));
    }

    @Override
    public List<Resource> observe(LoadedEnvironment env, List<Resource> desired) {
        pass("observe", env);
        observes.add(env.name());
        throwNext(observeFailures);
        String commit = live.get(env.name());
        return commit == null ? List.of() : List.of(new Resource(key(env.name()), Map.of("commit", commit), true));
    }

    @Override
    public ChangeSet diff(LoadedEnvironment env, List<Resource> desired, List<Resource> actual) {
        Resource wanted = desired.get(0);
        if (actual.isEmpty()) {
            return new ChangeSet(List.of(Change.create(wanted)));
        }
        Resource found = actual.get(0);
        return new ChangeSet(List.of(wanted.body().equals(found.body()) ? Change.noop(wanted, found)
                : Change.update(wanted, found, List.of(new FieldChange("commit", wanted.body().get("commit"),
                        found.body().get("commit"))))));
    }

    @Override
    public List<ObjectResult> apply(LoadedEnvironment env, ChangeSet plan, Fence fence) {
        pass("apply", env);
        applies.add(env.name() + "@" + env.revision().commit());
        throwNext(applyFailures);
        List<ObjectResult> results = new ArrayList<>();
        for (Change c : plan.changes()) {
            if (c.action().writes() && reject) {
                results.add(ObjectResult.rejected(c, "422 the target refuses this value"));
                continue;
            }
            if (c.action().writes() && !stuck) {
                fence.check();
                live.put(env.name(), env.revision().commit());
                writes.add(env.name() + "@" + env.revision().commit());
            }
            results.add(ObjectResult.done(c));
        }
        return results;
    }

    @Override
    public Health health(LoadedEnvironment env, List<ObjectResult> applied, Fence fence) {
        pass("health", env);
        fence.check();
        return unhealthy.contains(env.revision().commit()) ? Health.degraded(env.name() + " never became ready")
                : Health.HEALTHY;
    }

    @Override
    public void forget(String environment) {
        forgotten.add(environment);
    }

    private void pass(String step, LoadedEnvironment env) {
        Gate gate = gates.remove(step + ":" + env.name());
        if (gate != null) {
            gate.pass();
        }
    }

    private static void throwNext(Queue<Throwable> failures) {
        Throwable e = failures.poll();
        if (e instanceof Error error) {
            throw error;
        }
        if (e != null) {
            throw (RuntimeException) e;
        }
    }

    private static ResourceKey key(String environment) {
        return ResourceKey.of("memory", "Item", environment, "config");
    }
}
