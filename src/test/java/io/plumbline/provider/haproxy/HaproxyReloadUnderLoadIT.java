package io.plumbline.provider.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.model.Action;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.spec.haproxy.Server;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HaproxyReloadUnderLoadIT {
    private static final int RELOADS = 20;

    @TempDir
    Path root;

    @Test
    void everyRequestSucceedsWhileTheConfigurationIsReloaded() throws IOException, InterruptedException {
        try (HaproxyTestbed bed = HaproxyTestbed.start(root)) {
            List<Server> servers = List.of(bed.server("s1", "ready", 1), bed.server("s2", "ready", 1));
            bed.reconcile(bed.env(servers));
            int reloadsBefore = bed.reloads();
            try (LoadGenerator load = new LoadGenerator(bed.frontend(), 4, Duration.ofMinutes(3))) {
                for (int i = 1; i <= RELOADS; i++) {
                    // A structural change each time: the retry count alternates between 3 and 4.
                    HaproxyTestbed.Outcome outcome = bed.reconcile(bed.env(bed.spec(servers, "roundrobin",
                            3 + i % 2)));
                    assertThat(outcome.plan().with(Action.UPDATE)).hasSize(1);
                    assertThat(outcome.writes()).extracting(ObjectResult::result)
                            .containsExactly(ObjectResult.Result.CONFIGURED);
                }
                load.close();
                assertThat(bed.reloads()).isEqualTo(reloadsBefore + RELOADS);
                assertThat(load.ok()).isPositive();
                assertThat(load.failed()).as("failed requests, first ones: %s", load.failures()).isZero();
            }
        }
    }
}
