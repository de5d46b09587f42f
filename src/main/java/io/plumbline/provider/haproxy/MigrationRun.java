package io.plumbline.provider.haproxy;

import io.plumbline.model.Change;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.spec.haproxy.Backend;
import io.plumbline.model.spec.haproxy.Migration;
import io.plumbline.provider.Fence;
import io.plumbline.provider.ProviderException;
import io.plumbline.render.haproxy.MigrationWeights;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Runs one backend's migration by steps inside the apply of its commit: sets the weights of a step through the
 * runtime API, holds it while the analysis is checked every interval, and goes on when the whole hold passed; a check
 * that fails sets the weights of the last good step back and ends the apply with the reason, which holds until a new
 * commit. Every step is recorded ({@link MigrationRecords}) before it is held, so a restart resumes it where it was;
 * a newer commit ({@link Fence#superseded()}) stops it at its next pause and takes over from that step.
 */
final class MigrationRun {
    /** The longest pause between two looks at the fence. */
    private static final Duration SLICE = Duration.ofMillis(200);

    private final HaproxyHost host;
    private final MigrationRecords records;
    private final MigrationListener listener;
    private final Clock clock;
    private final Runnable saveState;

    /** @param saveState saves the runtime's server state, so that a restart of HAProxy keeps the step's weights */
    MigrationRun(HaproxyHost host, MigrationRecords records, MigrationListener listener, Clock clock,
                 Runnable saveState) {
        this.host = host;
        this.saveState = saveState;
        this.records = records;
        this.listener = listener;
        this.clock = clock;
    }

    ObjectResult apply(String environment, String commit, Backend backend, Change change, Fence fence) {
        Migration m = backend.migration();
        String declaration = MigrationText.declaration(m);
        Optional<MigrationRecord> before = records.of(backend.name()).filter(r -> r.declaration().equals(declaration));
        if (before.isPresent() && before.get().abortedFor(declaration, commit)) {
            return ObjectResult.rejected(change, before.get().aborted());
        }
        int step = before.map(r -> r.aborted() != null ? Math.max(r.lastGood(), 0) : r.step()).orElse(0);
        int lastGood = before.map(MigrationRecord::lastGood).orElse(-1);
        // The same commit resumes the hold it was in (after a restart); any other holds its step afresh.
        Instant since = before.filter(r -> r.aborted() == null && r.commit().equals(commit))
                .map(r -> Instant.ofEpochMilli(r.since())).orElse(clock.instant());
        List<Integer> steps = m.steps();
        for (; step < steps.size(); step++) {
            fence.check();
            List<String> errors = setWeights(backend, steps.get(step));
            if (!errors.isEmpty()) {
                return ObjectResult.failed(change, String.join("; ", errors));
            }
            records.put(backend.name(), new MigrationRecord(declaration, commit, step, since.toEpochMilli(), lastGood,
                    null));
            listener.step(environment, backend.name(), steps.get(step));
            Optional<String> stopped = hold(m, step, since, fence);
            if (stopped.isPresent() && stopped.get().isEmpty()) {
                return ObjectResult.rejected(change, "migration stopped at " + steps.get(step)
                        + "%: a newer commit takes over from this step");
            }
            if (stopped.isPresent()) {
                return abort(environment, commit, backend, change, declaration, step, since, lastGood, stopped.get());
            }
            lastGood = step;
            since = clock.instant();
        }
        records.put(backend.name(), new MigrationRecord(declaration, commit, steps.size() - 1, since.toEpochMilli(),
                lastGood, null));
        return ObjectResult.done(change);
    }

    /**
     * Holds step {@code step} from {@code since}, checking the analysis every interval and at the end of the hold.
     *
     * @return empty when the whole hold passed; an empty text when a newer commit takes over; else why it failed
     */
    private Optional<String> hold(Migration m, int step, Instant since, Fence fence) {
        Instant end = since.plus(m.holdDuration());
        Duration interval = m.analysis().intervalDuration();
        Instant check = min(clock.instant().plus(interval), end);
        while (true) {
            fence.progress(MigrationText.progress(m.steps(), step, Duration.between(clock.instant(), check)));
            if (!pauseUntil(check, fence)) {
                return Optional.of("");
            }
            Optional<String> failed = analyse(m, step);
            if (failed.isPresent() || !check.isBefore(end)) {
                return failed;
            }
            check = min(check.plus(interval), end);
        }
    }

    /** Why the analysis fails at this step, or empty when it passes. */
    private static Optional<String> analyse(Migration m, int step) {
        int percent = m.steps().get(step);
        OptionalDouble value;
        try {
            value = PrometheusQuery.value(m.analysis().prometheus(), m.analysis().query());
        } catch (PrometheusQuery.Unavailable e) {
            return Optional.of(MigrationText.unavailable(m, percent, e.getMessage()));
        }
        if (value.isEmpty()) {
            return Optional.of(MigrationText.noValue(m, percent));
        }
        return value.getAsDouble() > m.analysis().max()
                ? Optional.of(MigrationText.aborted(m, percent, value.getAsDouble())) : Optional.empty();
    }

    private ObjectResult abort(String environment, String commit, Backend backend, Change change, String declaration,
                               int step, Instant since, int lastGood, String why) {
        int back = lastGood < 0 ? 0 : backend.migration().steps().get(lastGood);
        List<String> errors = setWeights(backend, back);
        String reason = why + "; weights back at " + back + "%" + (errors.isEmpty() ? ""
                : " failed: " + String.join("; ", errors));
        records.put(backend.name(), new MigrationRecord(declaration, commit, step, since.toEpochMilli(), lastGood,
                reason));
        listener.step(environment, backend.name(), back);
        listener.aborted(environment, backend.name());
        return ObjectResult.rejected(change, reason);
    }

    /** Sets the weights of {@code percent}, and saves them for a restart of HAProxy; the errors, empty when set. */
    private List<String> setWeights(Backend backend, int percent) {
        Map<String, Integer> weights = MigrationWeights.at(backend.migration(), percent);
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, Integer> w : weights.entrySet()) {
            String error = host.runtime().set("set server " + backend.name() + "/" + w.getKey() + " weight "
                    + w.getValue(), null);
            if (error != null) {
                errors.add(backend.name() + "/" + w.getKey() + ": " + error);
            }
        }
        if (errors.isEmpty()) {
            saveState.run();
        }
        return errors;
    }

    /** Pauses until {@code until}, looking at the fence every slice; false when a newer commit takes over. */
    private boolean pauseUntil(Instant until, Fence fence) {
        while (clock.instant().isBefore(until)) {
            fence.check();
            if (fence.superseded()) {
                return false;
            }
            Duration left = Duration.between(clock.instant(), until);
            try {
                Thread.sleep(Math.max(1, Math.min(left.toMillis(), SLICE.toMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                // The service stops: the record keeps the step, which the next start resumes.
                throw ProviderException.retryable("interrupted while holding a step of a migration", e);
            }
        }
        return !fence.superseded();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
