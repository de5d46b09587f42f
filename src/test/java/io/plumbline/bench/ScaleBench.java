package io.plumbline.bench;

import io.plumbline.report.StatusHostServer;
import io.plumbline.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The service with many environments ({@code args[0]}, default 100) of {@value ScaleRepo#RESOURCES} resources each
 * (see {@link ScaleRepo}) on real peers started here: moto, a Kubernetes control plane of its own (kwok playing
 * the nodes), one real haproxy per environment, and a local host playing GitHub for statuses. Prints, beside the
 * goals of issue 17 and the figures last recorded in the README:
 * <ul>
 *   <li>the time to reconcile every environment once, and the live heap after it (after a full GC, by jcmd);</li>
 *   <li>the service's CPU while idle with drift checks every {@code args[1]} (default 1m) over {@code args[2]}
 *   seconds (default 120), and that CPU scaled to drift checks every minute (the poll every 30 s is scaled with
 *   it, so with a faster interval the scaled figure is a lower bound);</li>
 *   <li>commit → final status of the one environment a commit changes (via a webhook), p50 of 5 commits made one
 *   after the other, each as soon as the previous one's environment has its status.</li>
 * </ul>
 * Not a test: run it with {@code scripts/bench Scale [environments] [driftInterval] [idleSeconds]}.
 */
public final class ScaleBench {
    private static final int COMMITS = 5;
    /** What the last run recorded in the README measured at 100 environments with bin/plumbline, and the first. */
    private static final String HEAP_BEFORE = "last recorded: 92 MiB; first: 78 MiB";
    private static final String IDLE_BEFORE = "last recorded: 0.85%% over 180 s, 1.16%% over 600 s; first: 20.4%%";
    private static final String COMMIT_BEFORE = "last recorded: p50 300-420 ms, p90 630-900 ms; first: over 120 s";

    private ScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        String drift = args.length > 1 ? args[1] : "1m";
        long idleSeconds = args.length > 2 ? Long.parseLong(args[2]) : 120;
        Path tmp = Files.createTempDirectory("plumbline-scale-bench");
        try (ScalePeers peers = new ScalePeers(tmp, count, drift)) {
            System.out.printf("%d environments x %d resources on %d cores; the service started with %s; load"
                    + " average %s%n", count, ScaleRepo.RESOURCES, Runtime.getRuntime().availableProcessors(),
                    ServiceProcess.launcher(), load());
            long t0 = System.nanoTime();
            try (ServiceProcess service = ServiceProcess.start(tmp.resolve("service"), peers.config())) {
                String head = peers.repo.head();
                peers.awaitAll(head, count);
                System.out.printf("full reconcile of all, from start: %d s (load average %s)%n",
                        (System.nanoTime() - t0) / 1_000_000_000L, load());
                System.out.printf("live heap after it: %d MiB (RSS %d MiB); " + HEAP_BEFORE + "; goal < 256 MiB%n",
                        ProcessStats.heapUsedKibAfterGc(service.pid()) / 1024,
                        ProcessStats.rssKib(service.pid()) / 1024);
                idle(service, drift, idleSeconds);
                commits(peers.repo, service, peers.github, count);
                System.out.printf("live heap at the end: %d MiB; load average %s%n",
                        ProcessStats.heapUsedKibAfterGc(service.pid()) / 1024, load());
            }
        }
    }

    private static void idle(ServiceProcess service, String drift, long seconds) throws Exception {
        long driftSeconds = java.time.Duration.parse("PT" + drift.toUpperCase()).toSeconds();
        long before = ProcessStats.cpuMillis(service.pid());
        Thread.sleep(seconds * 1000);
        long used = ProcessStats.cpuMillis(service.pid()) - before;
        double share = 100.0 * used / (seconds * 1000);
        System.out.printf("idle CPU, drift every %s, over %d s: %.2f%% of a core (%d ms CPU); scaled to drift every"
                        + " minute: %.2f%% of a core; " + IDLE_BEFORE + "; goal < 2%% (load average %s)%n", drift,
                seconds, share, used, share * driftSeconds / 60.0, load());
    }

    private static void commits(TestRepo repo, ServiceProcess service, StatusHostServer github, int count)
            throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int k = 1; k <= COMMITS; k++) {
            int i = (k * 37) % count;
            String commit = repo.write(ScaleRepo.manifest(i), ScaleRepo.configMaps(i, "v" + (k + 1)))
                    .commitAll("settings v" + (k + 1) + " for " + ScaleRepo.name(i));
            long t0 = System.nanoTime();
            LoopBench.webhook(service.port(), commit);
            LoopBench.awaitStatus(github, commit, "plumbline/" + ScaleRepo.name(i), false);
            millis.add((System.nanoTime() - t0) / 1_000_000);
            // The unchanged environments are reconciled at this commit after it, still while the next commit
            // lands, as they would be when commits come this often.
            System.out.printf("  commit %d, %s: %d ms%n", k, ScaleRepo.name(i), millis.get(millis.size() - 1));
        }
        LoopBench.report("commit -> final status of the one environment it changes, via webhook (goal p50 < 2000 ms;"
                + " " + COMMIT_BEFORE + ")", millis);
    }

    static String load() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0];
    }
}
