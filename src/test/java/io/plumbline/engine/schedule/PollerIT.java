package io.plumbline.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.metrics.Metrics;
import io.plumbline.model.RepoFiles;
import io.plumbline.source.GitSettings;
import io.plumbline.source.GitSource;
import io.plumbline.testing.TestRepo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poller against a real repository: nothing that escapes a poll stops it without a word. */
class PollerIT {
    @TempDir
    Path tmp;
    final List<String> unexpected = new CopyOnWriteArrayList<>();
    final Metrics metrics = new Metrics() {
        @Override
        public void unexpected(String where) {
            unexpected.add(where);
        }
    };

    @Test
    void anErrorWhileHandingOverIsCountedShownInReadinessAndTheHeadIsHandedOverAgainAtTheNextPoll() {
        AtomicInteger calls = new AtomicInteger();
        List<String> handedOver = new CopyOnWriteArrayList<>();
        HeadsHandler handler = new HeadsHandler() {
            @Override
            public void branch(RepoFiles files, Trigger trigger) {
                if (calls.incrementAndGet() == 1) {
                    throw new StackOverflowError();
                }
                handedOver.add(files.revision().commit());
            }

            @Override
            public void pullRequest(RepoFiles files) {
            }
        };
        try (TestRepo remote = TestRepo.withExampleRepo(tmp);
             GitSource source = new GitSource(new GitSettings(remote.url(), "main", tmp.resolve("cache"), null, null,
                     null, null, List.of(), Duration.ofSeconds(10)));
             Poller poller = new Poller(source, handler, metrics, () -> Duration.ofMinutes(1), 0)) {
            poller.pollOnce(Trigger.POLL);

            assertThat(poller.ready()).isFalse();
            assertThat(poller.notReadyBecause()).contains("failed unexpectedly", "StackOverflowError");
            assertThat(unexpected).containsExactly("poll");

            poller.pollOnce(Trigger.POLL);

            assertThat(handedOver).hasSize(1);
            assertThat(poller.ready()).isTrue();
            assertThat(poller.lastHandedOver()).contains(handedOver.get(0));
        }
    }
}
