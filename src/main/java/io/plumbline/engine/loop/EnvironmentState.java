package io.plumbline.engine.loop;

import io.plumbline.engine.history.Hold;
import io.plumbline.engine.history.Holds;
import io.plumbline.engine.schedule.Lane;
import io.plumbline.engine.schedule.Timers;
import io.plumbline.engine.schedule.Trigger;
import io.plumbline.model.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the engine holds about one environment, in one place: the newest desired state, the commits last
 * reconciled and last applied, the retry schedule, the drift timer, and the triggers waiting for their turn.
 * Methods are short and synchronized; the reconcile itself runs outside the monitor, one at a time per
 * environment (see {@link Dispatcher}).
 */
final class EnvironmentState {
    private final String name;
    private final Set<Trigger> pending = EnumSet.noneOf(Trigger.class);
    private Desired desired;
    private String reconciledCommit;
    private String appliedCommit;
    private String goodCommit;
    /** The commits rolled back from, kept across restarts: not applied again by themselves. */
    private final Holds holds;
    private boolean retryDue;
    private int failures;
    private Timers.Task retry = Timers.Task.NONE;
    private Timers.Task drift = Timers.Task.NONE;
    private Timers.Task window = Timers.Task.NONE;
    private String windowWaited = "";
    /** When the sync windows let the held-back apply through, until a reconcile runs. */
    private Instant windowOpens;
    private WindowWait windowDue;
    /** Every trigger held back by the windows since the last reconcile, so none is lost when they open. */
    private final Set<Trigger> windowHeld = EnumSet.noneOf(Trigger.class);
    private Duration driftEvery = Duration.ZERO;
    /** Counts the drift timer's schedules: a tick of an older schedule must not put its interval back. */
    private long driftSchedule;
    private boolean running;
    /** Whether a worker took the queued run up (until it ends); before that a trigger may move it to a lane ahead. */
    private boolean started;
    private Lane queuedLane;
    private long tickets;
    private boolean stopped;
    private boolean suspendedByOperator;

    /**
     * @param reconciledCommit the commit reconciled before a restart without failing, or null
     * @param appliedCommit    the commit last applied before a restart, or null
     * @param goodCommit       the commit last reconciled successfully before a restart, or null
     * @param holds            the holds after rollbacks, this environment's among them
     */
    EnvironmentState(String name, String reconciledCommit, String appliedCommit, String goodCommit,
                     boolean suspendedByOperator, Holds holds) {
        this.name = name;
        this.holds = holds;
        this.reconciledCommit = reconciledCommit;
        this.appliedCommit = appliedCommit;
        this.goodCommit = goodCommit;
        this.suspendedByOperator = suspendedByOperator;
    }

    String name() {
        return name;
    }

    /**
     * The newest desired state; a new commit cancels the retry of an older one and releases a hold (the held
     * commit itself, handed over again after a restart, stays held).
     */
    synchronized void desire(Desired next) {
        if (holds.of(name).filter(h -> !h.commit().equals(next.commit())).isPresent()) {
            holds.release(name);
        }
        if (desired == null || !desired.commit().equals(next.commit())) {
            retry.cancel();
            retryDue = false;
            failures = 0;
        }
        desired = next;
    }

    synchronized Desired desired() {
        return desired;
    }

    /** Whether a reconcile of this exact commit has finished. */
    synchronized boolean reconciled(Desired d) {
        return d.commit().equals(reconciledCommit);
    }

    /**
     * Whether an operator stopped this environment: every trigger is then left alone (a run under way finishes).
     * Equal to {@code spec.sync.mode: suspended}, but held here rather than in a commit.
     */
    synchronized boolean suspendedByOperator() {
        return suspendedByOperator;
    }

    synchronized void suspendByOperator(boolean suspended) {
        suspendedByOperator = suspended;
    }

    /** Whether a retry of the newest commit is due (its last reconcile failed in a way that may pass). */
    synchronized boolean retryDue() {
        return retryDue;
    }

    synchronized Optional<String> appliedCommit() {
        return Optional.ofNullable(appliedCommit);
    }

    /** The commit last reconciled successfully: what a rollback goes back to. */
    synchronized Optional<String> lastGoodCommit() {
        return Optional.ofNullable(goodCommit);
    }

    /** A rollback went back from {@code hold.commit()}: it is held until another commit is desired. */
    synchronized void hold(Hold hold) {
        holds.hold(name, hold);
    }

    /** Whether the newest desired commit is held after a rollback. */
    synchronized boolean held() {
        return hold().isPresent();
    }

    /** The hold on the newest desired commit, if it is held after a rollback. */
    synchronized Optional<Hold> hold() {
        return holds.of(name).filter(h -> desired != null && desired.commit().equals(h.commit()));
    }

    /** When the sync windows let the apply they hold back through; empty when none waits. */
    synchronized Optional<Instant> windowOpens() {
        return Optional.ofNullable(windowOpens);
    }

    /** Takes a finished reconcile in; returns the number of failures in a row that may pass (0: no retry). */
    synchronized int finished(Reconciled r) {
        reconciledCommit = r.outcome().revision().commit();
        windowHeld.clear();
        windowOpens = null;
        if (r.applied()) {
            appliedCommit = reconciledCommit;
        }
        if (r.outcome().result() == Outcome.Result.SUCCESS) {
            goodCommit = reconciledCommit;
            holds.release(name);
        }
        retry.cancel();
        retryDue = r.retry();
        failures = r.retry() ? failures + 1 : 0;
        return failures;
    }

    synchronized void retryWith(Timers.Task task) {
        retry.cancel();
        retry = stopped ? cancelled(task) : task;
    }

    /** What waits for the sync windows: the triggers to repeat once they let an apply through. */
    record WindowWait(Duration delay, Set<Trigger> triggers) {
    }

    /**
     * The sync windows hold {@code commit} back until {@code opens}; true the first time this commit waits for
     * this opening (so that it is said once, not at every trigger).
     */
    synchronized boolean waitForWindow(String commit, Instant opens, Duration delay, Set<Trigger> triggers) {
        windowHeld.addAll(triggers);
        windowDue = new WindowWait(delay, EnumSet.copyOf(windowHeld));
        windowOpens = opens;
        String key = commit + "@" + opens;
        boolean first = !key.equals(windowWaited);
        windowWaited = key;
        return first;
    }

    /** The wait the last run asked for, once. */
    synchronized Optional<WindowWait> takeWindowWait() {
        Optional<WindowWait> due = Optional.ofNullable(windowDue);
        windowDue = null;
        return due;
    }

    synchronized void windowWith(Timers.Task task) {
        window.cancel();
        window = stopped ? cancelled(task) : task;
    }

    synchronized Duration driftEvery() {
        return driftEvery;
    }

    /** The drift timer starts again at {@code every}; returns the new schedule, which its ticks name. */
    synchronized long restartDrift(Duration every) {
        drift.cancel();
        drift = Timers.Task.NONE;
        driftEvery = every;
        return ++driftSchedule;
    }

    /**
     * The next tick of drift {@code schedule}; cancelled at once when the environment stopped or the drift timer
     * started again meanwhile (a new interval handed over while the old timer fired).
     */
    synchronized void driftWith(long schedule, Timers.Task task) {
        if (stopped || schedule != driftSchedule) {
            task.cancel();
            return;
        }
        drift.cancel();
        drift = task;
    }

    /** A run queued in a lane; only the newest ticket of an environment starts its run. */
    record Ticket(long number, Lane lane) {
    }

    /**
     * A trigger named this environment: a ticket when the caller must queue a run, either because none is queued or
     * under way, or because the one queued waits in a lane behind {@code lane} (its older ticket is then void).
     */
    synchronized Optional<Ticket> offer(Trigger trigger, Lane lane) {
        if (stopped) {
            return Optional.empty();
        }
        pending.add(trigger);
        if (!running) {
            running = true;
            return Optional.of(queue(lane));
        }
        if (!started && lane.compareTo(queuedLane) < 0) {
            return Optional.of(queue(lane));
        }
        return Optional.empty();
    }

    private Ticket queue(Lane lane) {
        queuedLane = lane;
        return new Ticket(++tickets, lane);
    }

    /** Whether a worker may start the run of this ticket: it is the newest one and its run has not started yet. */
    synchronized boolean start(Ticket ticket) {
        if (!running || started || ticket.number() != tickets) {
            return false;
        }
        started = true;
        return true;
    }

    /** The triggers gathered since the last take; empty (and the run ends) when there are none. */
    synchronized Set<Trigger> take() {
        if (pending.isEmpty() || stopped) {
            return idle();
        }
        Set<Trigger> taken = EnumSet.copyOf(pending);
        pending.clear();
        return taken;
    }

    /** Whether a run is under way or about to start. */
    synchronized boolean busy() {
        return running;
    }

    /** Ends the run without taking anything. */
    synchronized Set<Trigger> idle() {
        running = false;
        started = false;
        pending.clear();
        return Set.of();
    }

    /**
     * The environment came back to the repository while a run of it (from before it left) may still be under way:
     * it takes triggers again, and they wait for that run. Its drift timer starts afresh.
     */
    synchronized void returned() {
        stopped = false;
        driftEvery = Duration.ZERO;
    }

    /** The environment left the repository (or the service stops): timers cancelled, no trigger accepted. */
    synchronized void stop() {
        stopped = true;
        retry.cancel();
        drift.cancel();
        window.cancel();
        pending.clear();
    }

    private static Timers.Task cancelled(Timers.Task task) {
        task.cancel();
        return Timers.Task.NONE;
    }
}
