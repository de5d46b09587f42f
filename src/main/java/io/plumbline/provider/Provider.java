package io.plumbline.provider;

import io.plumbline.model.ChangeSet;
import io.plumbline.model.Health;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Resource;
import java.util.List;

/**
 * One target system (AWS, Kubernetes, HAProxy). The engine knows nothing else of it.
 *
 * <p>A reconcile calls, in order: {@link #render}, {@link #observe}, {@link #diff}, then (when applying)
 * {@link #apply} and {@link #health}. Every method is safe to call again after a failure.
 *
 * <p>{@link #apply} and {@link #health} are given the engine's {@link Fence}: the provider checks it before every
 * call that writes and before every round of a wait, and lets its {@link NotOwnedException} through.
 */
public interface Provider {

    /** {@code kubernetes}, {@code aws} or {@code haproxy}: the first word of every key it returns. */
    String name();

    /** Whether the environment declares anything for this provider. */
    boolean appliesTo(LoadedEnvironment env);

    /** The desired objects. Pure: no I/O. */
    List<Resource> render(LoadedEnvironment env);

    /**
     * The actual objects this environment declares or owns. Must cost a bounded number of calls per kind
     * (list or describe calls filtered by ownership), never one call per object.
     *
     * @throws ProviderException when the target cannot be read
     */
    List<Resource> observe(LoadedEnvironment env, List<Resource> desired);

    /** Pairs desired with actual and says what to do with each; applies the environment's prune policy. */
    ChangeSet diff(LoadedEnvironment env, List<Resource> desired, List<Resource> actual);

    /**
     * Applies the writes of a plan in this provider's safe order. An error on one object is reported in its
     * result and does not stop unrelated objects.
     *
     * @throws ProviderException when nothing could be applied (refused by a safety rule, target unreachable)
     * @throws NotOwnedException  when {@code fence} says the environment is no longer this process's to write
     */
    List<ObjectResult> apply(LoadedEnvironment env, ChangeSet plan, Fence fence);

    /** As {@link #apply(LoadedEnvironment, ChangeSet, Fence)} for a process that runs alone (the command line). */
    default List<ObjectResult> apply(LoadedEnvironment env, ChangeSet plan) {
        return apply(env, plan, Fence.NONE);
    }

    /**
     * Checks, before any provider writes anything, what this provider can verify for the whole environment
     * (that every image the environment deploys from this provider's registry exists, say). Reads only. The
     * engine calls it on every provider of a plan that writes, and applies nothing when one of them throws.
     *
     * @throws ProviderException naming what is missing
     */
    default void preflight(LoadedEnvironment env) {
    }

    /**
     * Waits (bounded by the environment's health timeout) until what was applied is healthy or clearly not.
     *
     * @throws NotOwnedException when {@code fence} says the environment is no longer this process's, between rounds
     */
    Health health(LoadedEnvironment env, List<ObjectResult> applied, Fence fence);

    /** As {@link #health(LoadedEnvironment, List, Fence)} for a process that runs alone (the command line). */
    default Health health(LoadedEnvironment env, List<ObjectResult> applied) {
        return health(env, applied, Fence.NONE);
    }

    /**
     * The plan of a pull request's {@code env} is done: what the provider keeps open for it alone (watches of
     * namespaces no environment of the branch reads) may close.
     */
    default void planned(LoadedEnvironment env) {
    }

    /** The environment left the repository: whatever the provider keeps for it (at any ref) may go. */
    default void forget(String environment) {
    }
}
