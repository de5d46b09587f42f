package io.plumbline.engine.plan;

import io.plumbline.diff.DeletionGuard;
import io.plumbline.model.Health;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.RefusedException;
import io.plumbline.model.Resource;
import io.plumbline.provider.Fence;
import io.plumbline.provider.Provider;
import io.plumbline.provider.ProviderException;
import io.plumbline.provider.SecretResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans and applies one environment across providers. Providers run in the order given (AWS, then
 * Kubernetes, then HAProxy): a later provider starts only when the earlier ones applied and are healthy,
 * so traffic never moves to something that is not up.
 */
public final class Pipeline {
    private final List<Provider> providers;
    private final Progress progress;
    private final SecretResolver secrets;

    /** A pipeline that resolves no secret: its plans show that a secret changes, never a value. */
    public Pipeline(List<Provider> providers) {
        this(providers, Progress.NONE, SecretResolver.NONE);
    }

    /** A pipeline whose plans resolve the environment's secrets with {@code secrets}: the apply path's. */
    public Pipeline(List<Provider> providers, SecretResolver secrets) {
        this(providers, Progress.NONE, secrets);
    }

    private Pipeline(List<Provider> providers, Progress progress, SecretResolver secrets) {
        this.providers = List.copyOf(providers);
        this.progress = progress;
        this.secrets = secrets;
    }

    /** The same pipeline, telling {@code progress} what each apply does while it runs. */
    public Pipeline with(Progress progress) {
        return new Pipeline(providers, progress, secrets);
    }

    /**
     * The same providers, resolving no secret: for the plans of pull requests, which must never decrypt nor read a
     * secret's source (a pull request could otherwise make a plan show what it resolves).
     */
    public Pipeline sealed() {
        return new Pipeline(providers, progress, SecretResolver.NONE);
    }

    /**
     * Render, observe and diff every provider the environment uses, and have the deletion guard judge each plan.
     * Writes nothing, and refuses nothing: a plan the deletion guard refuses is still shown in full, with the
     * verdict; {@link #apply} enforces it.
     */
    public List<ProviderPlan> plan(LoadedEnvironment loaded) {
        // resolved only when some provider is going to use the environment: resolving reads the secrets' sources
        LoadedEnvironment env = loaded.secrets().entries().isEmpty() ? loaded : loaded.withSecrets(
                secrets.resolve(loaded));
        List<ProviderPlan> plans = new ArrayList<>();
        for (Provider provider : providers) {
            if (!provider.appliesTo(env)) {
                continue;
            }
            List<Resource> desired = provider.render(env);
            List<Resource> actual = provider.observe(env, desired);
            var changes = provider.diff(env, desired, actual);
            plans.add(ProviderPlan.judged(provider, changes, env));
        }
        return plans;
    }

    /**
     * Applies the plans in order, waiting for health after each provider. The deletion guard's verdict on every plan
     * is enforced and every provider runs its pre-flight first, so a refusal stops the whole environment before
     * anything is written.
     */
    public Applied apply(LoadedEnvironment env, List<ProviderPlan> plans) {
        return apply(env, plans, Fence.NONE);
    }

    /**
     * As {@link #apply(LoadedEnvironment, List)}; {@code fence} is checked before each provider starts and handed to
     * it, which checks it before each of its writes and waits: it stops the apply by throwing {@link
     * io.plumbline.provider.NotOwnedException} once a replica of a fleet no longer owns the environment.
     */
    public Applied apply(LoadedEnvironment env, List<ProviderPlan> plans, Fence fence) {
        try {
            return applyInOrder(env, plans, fence);
        } finally {
            progress.finished();
        }
    }

    private Applied applyInOrder(LoadedEnvironment env, List<ProviderPlan> plans, Fence fence) {
        if (secrets == SecretResolver.NONE && !env.secrets().entries().isEmpty()
                && plans.stream().anyMatch(p -> p.changes().hasWrites())) {
            // a plan that resolved no secret took what it could not know from the live objects: never written
            throw ProviderException.refused("secrets: this plan resolved none of the environment's secrets (a pull "
                    + "request's plan, say); only the apply path's plan may be applied");
        }
        // the verdict the plan carries, as plan showed it: refused deletions stop the whole environment
        plans.stream().map(ProviderPlan::guard).filter(DeletionGuard.Verdict::refused).findFirst().ifPresent(v -> {
            throw new RefusedException(v.reason());
        });
        if (plans.stream().anyMatch(p -> p.changes().hasWrites())) {
            plans.forEach(p -> p.provider().preflight(env));
        }
        Map<String, List<ObjectResult>> results = new LinkedHashMap<>();
        List<Health> health = new ArrayList<>();
        for (ProviderPlan plan : plans) {
            fence.check();
            int writes = plan.changes().filter(c -> c.action().writes()).size();
            progress.step(plan.name(), "applying " + writes + (writes == 1 ? " change" : " changes"));
            List<ObjectResult> applied = plan.provider().apply(env, plan.changes(), telling(fence, plan.name()));
            results.put(plan.name(), applied);
            progress.step(plan.name(), "waiting for what it applied to be healthy");
            Health h = plan.provider().health(env, applied, fence);
            health.add(h);
            boolean failed = applied.stream().anyMatch(r -> r.result() == ObjectResult.Result.FAILED);
            if (failed || !h.isHealthy()) {
                // A change the target took in but did not come up on reads as the health failure it is.
                String why = failed && (!unhealthy(applied) || h.isHealthy()) ? failures(applied)
                        : plan.name() + " is " + h.status().name().toLowerCase()
                        + (h.reason().isEmpty() ? "" : ": " + h.reason());
                return new Applied(results, Health.worst(health), why);
            }
        }
        return new Applied(results, Health.worst(health), "");
    }

    /** The fence, with what a provider says of its progress shown on the terminal too. */
    private Fence telling(Fence fence, String provider) {
        return new Fence() {
            @Override
            public void check() {
                fence.check();
            }

            @Override
            public boolean superseded() {
                return fence.superseded();
            }

            @Override
            public void progress(String what) {
                fence.progress(what);
                progress.step(provider, what);
            }
        };
    }

    /** A pull request's plan of {@code env} is done: each provider may let go of what it kept for it alone. */
    public void planned(LoadedEnvironment env) {
        providers.forEach(p -> p.planned(env));
    }

    /** The environment left the repository: each provider may let go of what it kept for it. */
    public void forget(String environment) {
        providers.forEach(p -> p.forget(environment));
    }

    /** Whether every failure among {@code applied} is a health failure (none failed counts too). */
    private static boolean unhealthy(List<ObjectResult> applied) {
        return applied.stream().noneMatch(r -> r.result() == ObjectResult.Result.FAILED
                && r.failure() != ObjectResult.Failure.UNHEALTHY);
    }

    private static String failures(List<ObjectResult> applied) {
        List<ObjectResult> failed = applied.stream().filter(r -> r.result() == ObjectResult.Result.FAILED).toList();
        ObjectResult first = failed.get(0);
        return first.key() + ": " + first.message() + (failed.size() > 1 ? " (+" + (failed.size() - 1)
                + " more failed)" : "");
    }

    /** What {@link #apply} did; {@code error} is empty when everything applied and is healthy. */
    public record Applied(Map<String, List<ObjectResult>> results, Health health, String error) {
        public boolean ok() {
            return error.isEmpty();
        }

        /**
         * Whether everything applied but did not become healthy: no object failed, or those that failed were taken
         * in by the target, which did not come up on them.
         */
        public boolean unhealthy() {
            return !ok() && results.values().stream().allMatch(Pipeline::unhealthy);
        }

        /** Whether an object failed in a way that may pass (not rejected by the target): worth a retry. */
        public boolean transientFailure() {
            return results.values().stream().flatMap(List::stream)
                    .anyMatch(r -> r.result() == ObjectResult.Result.FAILED && !r.permanent());
        }
    }
}
