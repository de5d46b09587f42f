package io.plumbline.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.metrics.Metrics;
import io.plumbline.model.Health;
import io.plumbline.model.Outcome;
import io.plumbline.model.Revision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A history that cannot be saved is counted, not just logged. */
class HistorySaveTest {
    @TempDir
    Path tmp;

    @Test
    void aFailedSaveIsCountedAndTheEntryStaysInMemory() throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("history"), "a file where the folder should be");
        List<String> failures = new ArrayList<>();
        History history = new History(notAFolder, 5, new Metrics() {
            @Override
            public void stateWriteFailed(String file) {
                failures.add(file);
            }
        });

        history.finished(new Outcome("production", "environments/production.yaml", new Revision("c1", "main", "m"),
                "poll", Instant.EPOCH, Instant.EPOCH, Outcome.Result.SUCCESS, Map.of(), Health.HEALTHY, List.of(), ""));

        assertThat(failures).containsExactly("history");
        assertThat(history.of("production")).hasSize(1);
    }
}
