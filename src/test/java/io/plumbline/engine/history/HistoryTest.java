package io.plumbline.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Action;
import io.plumbline.model.Health;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Outcome;
import io.plumbline.model.ResourceKey;
import io.plumbline.model.Revision;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {
    @TempDir
    Path dir;

    private static Outcome outcome(String commit, Outcome.Result result) {
        return outcome(commit, result, "poll", Instant.parse("2026-11-22T10:00:02Z"));
    }

    private static Outcome outcome(String commit, Outcome.Result result, String trigger, Instant finished) {
        ObjectResult created = new ObjectResult(ResourceKey.of("aws", "EcrRepository", "", "frontend"),
                ObjectResult.Result.CREATED, Action.CREATE, "");
        return new Outcome("production", "environments/production.yaml", new Revision(commit, "main", "msg"), trigger,
                Instant.parse("2026-11-22T10:00:00Z"), finished, result,
                Map.of("aws", List.of(created)), Health.HEALTHY, List.of(), "");
    }

    @Test
    void keepsTheNewestFirstBoundedAndSurvivesARestart() {
        History history = new History(dir, 2);
        history.finished(outcome("c1", Outcome.Result.SUCCESS));
        history.finished(outcome("c2", Outcome.Result.FAILURE));
        history.finished(outcome("c3", Outcome.Result.SUCCESS));

        History restarted = new History(dir, 2);

        assertThat(restarted.of("production")).extracting(HistoryEntry::commit).containsExactly("c3", "c2");
        HistoryEntry latest = restarted.latest("production").orElseThrow();
        assertThat(latest.summary()).isEqualTo("applied 1 changes, 0 unchanged");
        assertThat(latest.counts()).containsEntry("aws", Map.of("created", 1L));
        assertThat(latest.started()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(restarted.environments()).containsExactly("production");
    }

    @Test
    void theLastSucceededCommitSkipsFailuresAndRefusalsAndSurvivesARestart() {
        History history = new History(dir, 5);
        assertThat(history.lastSucceededCommit("production")).isEmpty();
        history.finished(outcome("c1", Outcome.Result.SUCCESS));
        history.finished(outcome("c2", Outcome.Result.REFUSED));
        history.finished(outcome("c3", Outcome.Result.FAILURE));

        assertThat(new History(dir, 5).lastSucceededCommit("production")).contains("c1");
    }

    @Test
    void aHistoryFileFromBeforeTruthfulHealthLoadsWithoutClaimingWhatWasNotSeen() throws Exception {
        // Written when every reconcile that stopped early said healthy.
        java.nio.file.Files.writeString(dir.resolve("production.json"), """
                [{"environment":"production","file":"environments/production.yaml","commit":"c3","ref":"main",
                  "trigger":"poll","started":"2026-11-22T10:00:03Z","finished":"2026-11-22T10:00:03Z",
                  "result":"invalid","summary":"bad","counts":{},"health":"healthy","healthReason":"",
                  "problems":["environments/production.yaml:3:9: bad"],"error":""},
                 {"environment":"production","file":"environments/production.yaml","commit":"c2","ref":"main",
                  "trigger":"poll","started":"2026-11-22T10:00:02Z","finished":"2026-11-22T10:00:02Z",
                  "result":"failure","summary":"connection refused","counts":{},"health":"healthy",
                  "healthReason":"","problems":[],"error":"connection refused"},
                 {"environment":"production","file":"environments/production.yaml","commit":"c1","ref":"main",
                  "trigger":"poll","started":"2026-11-22T10:00:01Z","finished":"2026-11-22T10:00:01Z",
                  "result":"success","summary":"applied 1 changes, 0 unchanged","counts":{"aws":{"created":1}},
                  "health":"healthy","healthReason":"","problems":[],"error":""}]
                """);

        List<HistoryEntry> entries = new History(dir, 5).of("production");

        assertThat(entries).extracting(HistoryEntry::commit).containsExactly("c3", "c2", "c1");
        assertThat(entries).extracting(HistoryEntry::health).containsExactly(null, "unknown", "healthy");
        assertThat(entries.get(1).healthReason()).startsWith("not observed");
    }

    @Test
    void anUnreadableHistoryFileStartsAfresh() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("production.json"), "{not json");
        History history = new History(dir, 5);
        assertThat(history.of("production")).isEmpty();
        history.finished(outcome("c1", Outcome.Result.SUCCESS));
        assertThat(new History(dir, 5).of("production")).hasSize(1);
    }

    @Test
    void noNumberOfRequestsPushesACommitRecordOut() {
        History history = new History(dir, 5);
        Instant t = Instant.parse("2026-11-22T10:00:02Z");
        history.finished(outcome("c1", Outcome.Result.SUCCESS, "webhook", t));
        for (int i = 1; i <= 300; i++) {
            history.finished(outcome("c1", Outcome.Result.SUCCESS, i % 2 == 0 ? "api" : "drift", t.plusSeconds(i)));
        }

        List<HistoryEntry> kept = new History(dir, 5).of("production");

        assertThat(kept).hasSize(6);
        assertThat(kept.get(0).trigger()).isEqualTo("api");
        assertThat(kept.get(5).trigger()).isEqualTo("webhook");
        assertThat(history.lastAppliedCommit("production")).contains("c1");
    }
}
