package io.plumbline.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.engine.history.History;
import io.plumbline.engine.history.OutcomeListener;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.Health;
import io.plumbline.model.Outcome;
import io.plumbline.model.Revision;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finished reconcile is saved in the history before its status is told to anyone, whatever order the listeners
 * come in: a service killed between the two would otherwise reconcile again, after a restart, a commit whose final
 * status the host already shows, and post a second one (the crash campaign found it on HAProxy).
 */
class HistoryBeforeStatusTest {
    @TempDir
    Path tmp;

    @Test
    void theHistoryIsSavedBeforeTheStatusListenerHearsOfTheOutcome() {
        History history = new History(tmp.resolve("history"), 10);
        List<Optional<String>> savedWhenTold = new ArrayList<>();
        OutcomeListener status = new OutcomeListener() {
            @Override
            public void finished(Outcome outcome) {
                // What a restart would resume from, read from disk at the moment the status leaves.
                savedWhenTold.add(new History(tmp.resolve("history"), 10).lastCommit(outcome.environment()));
            }
        };
        OutcomeRecorder recorder = new OutcomeRecorder(new Metrics() {
        }, List.of(status, history), StatusSink.NONE, new Links(""));

        recorder.record(new Reconciled(new Outcome("production", "environments/production.yaml",
                new Revision("c1c1c1", "main", "m"), "poll", Instant.EPOCH, Instant.EPOCH, Outcome.Result.SUCCESS,
                Map.of(), Health.HEALTHY, List.of(), ""), Reconciled.Cause.DONE, true));

        assertThat(savedWhenTold).containsExactly(Optional.of("c1c1c1"));
    }
}
