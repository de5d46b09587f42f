package io.plumbline.bench;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.provider.Fence;
import io.plumbline.provider.haproxy.HaproxyProvider;
import io.plumbline.provider.haproxy.MigrationLab;
import io.plumbline.provider.haproxy.MigrationListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A migration by steps (5, 25, 50, 100%; hold 10 s, checked every 5 s) on real HAProxy and Prometheus, under load
 * through the frontend, whose new backend starts answering 500 at 25%. Prints the weights read on the admin socket at
 * each step, the requests failed on the healthy path (goal 0), and the time from the first 500 a client saw to the
 * abort (goal: at most one analysis interval, 5 s).
 */
public final class MigrationBench {
    private MigrationBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("plumbline-migration-bench");
        AtomicLong abortedAt = new AtomicLong();
        try (MigrationLab lab = MigrationLab.start(root)) {
            lab.before();
            LoadedEnvironment env = lab.env(lab.spec(List.of(5, 25, 50, 100), "10s", "5s", 0.01), "b".repeat(40));
            HaproxyProvider provider = lab.provider(new MigrationListener() {
                @Override
                public void step(String environment, String backend, int percent) {
                    System.out.printf("step %3d%%: weights on the admin socket %s%n", percent, lab.weights());
                    if (percent == 25) {
                        lab.breakNewBackend();
                    }
                }

                @Override
                public void aborted(String environment, String backend) {
                    abortedAt.set(System.nanoTime());
                }
            });
            MigrationLab.Load load = lab.load(4);
            ObjectResult result = MigrationLab.migration(lab.apply(provider, env, Fence.NONE));
            Thread.sleep(1000);
            load.close();
            List<MigrationLab.Answer> answers = load.answers();
            long firstBad = answers.stream().filter(MigrationLab.Answer::badBackendFailure)
                    .mapToLong(MigrationLab.Answer::nanos).min().orElse(0);
            System.out.println("result: " + result.message());
            System.out.printf("requests: %d, failed on the healthy path: %d, 500s of the bad backend: %d%n",
                    answers.size(), answers.stream().filter(MigrationLab.Answer::failedOnHealthyPath).count(),
                    answers.stream().filter(MigrationLab.Answer::badBackendFailure).count());
            System.out.printf("first 500 seen → abort: %.1f s (analysis interval 5 s)%n",
                    (abortedAt.get() - firstBad) / 1e9);
            System.out.println("weights after the abort: " + lab.weights());
        }
    }
}
