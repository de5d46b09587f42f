package io.plumbline.engine.loop;

import io.plumbline.engine.history.Hold;
import io.plumbline.engine.history.Holds;
import io.plumbline.engine.history.Suspensions;
import io.plumbline.engine.loop.Assignment.Decisions;
import java.util.Optional;

/**
 * An environment's decisions — an operator's suspension ({@link Suspensions}), a rollback's hold ({@link Holds}) —
 * kept in this replica's state folder and, in a fleet, by the {@link Assignment} where the environment's next owner
 * finds them. The owner passes on each change the moment it is made; a new owner takes on what its previous owner
 * passed on. Alone, the state folder is all there is, as before.
 */
final class Decided {
    private final Suspensions suspensions;
    private final Holds holds;
    private final Assignment assignment;

    Decided(Suspensions suspensions, Holds holds, Assignment assignment) {
        this.suspensions = suspensions;
        this.holds = holds;
        this.assignment = assignment;
    }

    Suspensions suspensions() {
        return suspensions;
    }

    Holds holds() {
        return holds;
    }

    /** The decisions on the environment as this replica holds them. */
    Decisions of(String environment) {
        Optional<Hold> hold = holds.of(environment);
        return new Decisions(suspensions.suspended(environment), hold.map(Hold::commit).orElse(""),
                hold.map(Hold::reason).orElse(""));
    }

    /** Passes the environment's decisions on when they differ from {@code before} and this replica owns it. */
    void passOnIfChanged(String environment, Decisions before) {
        Decisions now = of(environment);
        if (!now.equals(before) && assignment.owns(environment)) {
            assignment.keep(environment);
        }
    }

    /** Takes on what the environment's previous owner decided, in place of this replica's own (maybe stale) view. */
    void takeOn(String environment, Decisions decisions, EnvironmentState state) {
        if (decisions.suspended()) {
            suspensions.suspend(environment);
        } else {
            suspensions.resume(environment);
        }
        if (decisions.heldCommit().isEmpty()) {
            holds.release(environment);
        } else {
            holds.hold(environment, new Hold(decisions.heldCommit(), decisions.heldReason()));
        }
        if (state != null) {
            state.suspendByOperator(decisions.suspended());
        }
    }
}
