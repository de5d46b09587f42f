package io.plumbline.engine.loop;

import io.plumbline.model.LoadedEnvironment;
import java.util.function.Predicate;

/**
 * Which environments of the repository this process reconciles: every one (the service), or those a predicate
 * picks (a proxy agent: those that name its host). Environments outside the scope are not kept at all: no
 * reconcile, status, history, timer or metric series.
 */
public final class EnvironmentScope {
    /** Every environment, including those whose file does not load (reported invalid). */
    public static final EnvironmentScope ALL = new EnvironmentScope(env -> true, true);

    private final Predicate<LoadedEnvironment> includes;
    private final boolean everything;

    private EnvironmentScope(Predicate<LoadedEnvironment> includes, boolean everything) {
        this.includes = includes;
        this.everything = everything;
    }

    /** The environments {@code includes} picks. */
    public static EnvironmentScope of(Predicate<LoadedEnvironment> includes) {
        return new EnvironmentScope(includes, false);
    }

    boolean includes(LoadedEnvironment env) {
        return includes.test(env);
    }

    /**
     * Whether a file that does not load is kept (and reported invalid): a file that does not load cannot say whether
     * it belongs to a part, so only an environment already kept is told about it.
     */
    boolean includesUnloadable(boolean kept) {
        return everything || kept;
    }
}
