package io.plumbline.bench;

import io.plumbline.model.ChangeSet;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.spec.haproxy.Server;
import io.plumbline.provider.haproxy.HaproxyTestbed;
import io.plumbline.provider.haproxy.LoadGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Prints how long a runtime-only change and a validated reload take against a real haproxy on 127.0.0.1,
 * and how many requests fail under load across many reloads (the target is none).
 */
public final class HaproxyBench {
    private static final int RUNTIME_CHANGES = 50;
    private static final int TIMED_RELOADS = 30;
    private static final int RELOADS_UNDER_LOAD = 100;
    private static final int LOAD_THREADS = 4;

    private HaproxyBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("haproxy-bench");
        try (HaproxyTestbed bed = HaproxyTestbed.start(root)) {
            bed.reconcile(bed.env(servers(bed, 1)));
            report("runtime-only change (weight), plan + apply", time(bed, RUNTIME_CHANGES,
                    i -> bed.env(servers(bed, 2 - i % 2))));
            report("validated reload (haproxy -c, state saved, swap, reload, confirmed), plan + apply",
                    time(bed, TIMED_RELOADS, i -> reloadEnv(bed, i)));
            underLoad(bed);
        } finally {
            deleteTree(root);
        }
    }

    private static List<Server> servers(HaproxyTestbed bed, int weight) {
        return List.of(bed.server("s1", "ready", 1), bed.server("s2", "ready", weight));
    }

    /** A structural change each time: the retry count alternates. */
    private static LoadedEnvironment reloadEnv(HaproxyTestbed bed, int i) {
        return bed.env(bed.spec(servers(bed, 1), "roundrobin", 3 + (i + 1) % 2));
    }

    private static List<Duration> time(HaproxyTestbed bed, int runs, IntFunction<LoadedEnvironment> envOf) {
        List<Duration> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            LoadedEnvironment env = envOf.apply(i);
            long start = System.nanoTime();
            ChangeSet plan = bed.plan(env);
            bed.provider().apply(env, plan);
            times.add(Duration.ofNanos(System.nanoTime() - start));
            if (!plan.hasWrites()) {
                throw new IllegalStateException("run " + i + " planned nothing");
            }
        }
        return times;
    }

    private static void underLoad(HaproxyTestbed bed) throws InterruptedException {
        int reloadsBefore = bed.reloads();
        long start = System.nanoTime();
        try (LoadGenerator load = new LoadGenerator(bed.frontend(), LOAD_THREADS, Duration.ofMinutes(10))) {
            for (int i = 0; i < RELOADS_UNDER_LOAD; i++) {
                bed.reconcile(reloadEnv(bed, i));
            }
            load.close();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("%d reloads under load (%d threads, keep-alive) in %.1f s: %d requests ok, %d failed%s%n",
                    bed.reloads() - reloadsBefore, LOAD_THREADS, took.toMillis() / 1000.0, load.ok(), load.failed(),
                    load.failures().isEmpty() ? "" : " " + load.failures());
        }
    }

    private static void report(String what, List<Duration> times) {
        List<Duration> sorted = times.stream().sorted().toList();
        System.out.printf("%s: n=%d median %d ms, p90 %d ms, max %d ms%n", what, sorted.size(),
                sorted.get(sorted.size() / 2).toMillis(), sorted.get(sorted.size() * 9 / 10).toMillis(),
                sorted.get(sorted.size() - 1).toMillis());
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
