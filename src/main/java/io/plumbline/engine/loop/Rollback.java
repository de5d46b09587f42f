package io.plumbline.engine.loop;

import io.plumbline.load.EnvironmentLoader;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Outcome;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rollback on failed health ({@code spec.sync.rollback: auto}): a commit whose apply failed health is followed by
 * a re-apply of the environment's file as it was at the last commit that succeeded. The failed commit's outcome
 * is then the one record of both: "rolled back to &lt;sha&gt;: &lt;reason&gt;", or "rollback to &lt;sha&gt; failed
 * too: ...". Only health failures call for it: invalid input, refusals and transient errors changed nothing a
 * rollback would undo, or pass by themselves.
 */
final class Rollback {
    private static final Logger LOG = LoggerFactory.getLogger(Rollback.class);

    private final EnvironmentLoader loader;
    private final PastCommits past;
    private final Metrics metrics;

    Rollback(EnvironmentLoader loader, PastCommits past, Metrics metrics) {
        this.loader = loader;
        this.past = past;
        this.metrics = metrics;
    }

    /** Whether this reconcile of {@code env} failed health with rollback on. */
    static boolean called(Reconciled reconciled, LoadedEnvironment env) {
        return reconciled.cause() == Reconciled.Cause.UNHEALTHY
                && env.environment().spec().sync().rollbackEnabled();
    }

    /**
     * Re-applies {@code env}'s file as it was at {@code lastGood} through {@code reapply}, and returns the failed
     * reconcile with its error saying what became of it. Empty when there is nothing to roll back to (then the
     * failed reconcile stands, its error saying so).
     */
    Result after(Reconciled failed, LoadedEnvironment env, Optional<String> lastGood,
                 Function<LoadedEnvironment, Reconciled> reapply) {
        String reason = failed.outcome().error();
        String commit = env.revision().commit();
        if (lastGood.isEmpty() || lastGood.get().equals(commit)) {
            return new Result(with(failed, reason + "; not rolled back: no earlier commit succeeded for "
                    + env.name()), false);
        }
        String good = lastGood.get();
        String sha7 = good.substring(0, Math.min(7, good.length()));
        metrics.rolledBack(env.name());
        LOG.warn("{} at {} failed health ({}); rolling back to {}", env.name(), env.revision().shortCommit(), reason,
                sha7);
        String error;
        try {
            Reconciled back = reapply.apply(loader.load(past.at(good), env.file()));
            error = back.outcome().result() == Outcome.Result.SUCCESS ? "rolled back to " + sha7 + ": " + reason
                    : "rollback to " + sha7 + " failed too: " + back.outcome().summary() + " (after: " + reason + ")";
        } catch (IOException | InvalidInputException e) {
            error = "rollback to " + sha7 + " failed too: " + env.file() + " cannot be loaded at " + sha7 + ": "
                    + (e instanceof InvalidInputException i ? i.problems().get(0) : e.getMessage())
                    + " (after: " + reason + ")";
        }
        LOG.warn("{} at {}: {}; held until a new commit", env.name(), env.revision().shortCommit(), error);
        return new Result(with(failed, error), true);
    }

    private static Reconciled with(Reconciled failed, String error) {
        Outcome o = failed.outcome();
        return new Reconciled(new Outcome(o.environment(), o.file(), o.revision(), o.trigger(), o.started(),
                o.finished(), o.result(), o.results(), o.health(), o.problems(), error), failed.cause(),
                failed.applied());
    }

    /** The failed reconcile as it is to be recorded; {@code hold} when a rollback ran (or was tried). */
    record Result(Reconciled reconciled, boolean hold) {
    }
}
