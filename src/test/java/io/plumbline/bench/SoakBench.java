package io.plumbline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The service left running with {@link ScaleRepo}'s environments ({@code args[1]}, default 100, of
 * {@value ScaleRepo#RESOURCES} resources each, on the real peers of {@link ScalePeers}) for {@code args[0]} minutes
 * (default 60): a drift check of every environment a minute, and a commit changing one environment every 30 s (sent
 * by webhook). Each minute it samples the service's live heap (after a full GC, by jcmd), its RSS, threads and open
 * file descriptors, and at the end prints the slope of each over the samples after the first 10 minutes (the warm-up:
 * class loading, the JIT, first-use caches), per 10 minutes, beside the goal of issue 26: flat, under 1 MiB of heap
 * per 10 minutes and no growth of threads or descriptors. It also counts the commits whose environment got its
 * final status, so a soak that quietly stopped reconciling does not pass for a flat one.
 * Not a test: run it with {@code scripts/bench Soak [minutes] [environments]}.
 */
public final class SoakBench {
    private static final int WARM_UP_MINUTES = 10;
    private static final long COMMIT_EVERY_MILLIS = 30_000;
    private static final long SAMPLE_EVERY_MILLIS = 60_000;

    private SoakBench() {
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path tmp = Files.createTempDirectory("plumbline-soak-bench");
        try (ScalePeers peers = new ScalePeers(tmp, count, "1m")) {
            System.out.printf("soak: %d environments x %d resources for %d minutes, drift checks every minute, a"
                            + " commit every 30 s; %d cores; the service started with %s; load average %s%n", count,
                    ScaleRepo.RESOURCES, minutes, Runtime.getRuntime().availableProcessors(), ServiceProcess.launcher(),
                    ScaleBench.load());
            try (ServiceProcess service = ServiceProcess.start(tmp.resolve("service"), peers.config())) {
                peers.awaitAll(peers.repo.head(), count);
                System.out.printf("every environment reconciled once; the soak starts (load average %s)%n",
                        ScaleBench.load());
                List<Sample> samples = new ArrayList<>();
                List<Commit> commits = new ArrayList<>();
                run(peers, service, count, minutes, samples, commits);
                report(samples);
                reportCommits(peers, commits);
            }
        }
    }

    private static void run(ScalePeers peers, ServiceProcess service, int count, int minutes, List<Sample> samples,
                            List<Commit> commits) throws Exception {
        long start = System.currentTimeMillis();
        long end = start + minutes * SAMPLE_EVERY_MILLIS;
        long nextCommit = start + COMMIT_EVERY_MILLIS;
        long nextSample = start;
        while (true) {
            long now = System.currentTimeMillis();
            if (now >= nextSample) {
                samples.add(sample(service, samples.size()));
                if (now >= end) {
                    return;
                }
                nextSample += SAMPLE_EVERY_MILLIS;
            }
            if (now >= nextCommit) {
                commits.add(commit(peers, service, commits.size() + 1, count));
                nextCommit += COMMIT_EVERY_MILLIS;
            }
            Thread.sleep(Math.max(10, Math.min(nextCommit, nextSample) - System.currentTimeMillis()));
        }
    }

    private static Sample sample(ServiceProcess service, int minute) throws Exception {
        long pid = service.pid();
        Sample s = new Sample(minute, ProcessStats.heapUsedKibAfterGc(pid) / 1024.0, ProcessStats.rssKib(pid) / 1024.0,
                ProcessStats.threads(pid), ProcessStats.openFiles(pid));
        System.out.printf("  minute %2d: heap after GC %.1f MiB, RSS %.1f MiB, %d threads, %d open files (load"
                + " average %s)%n", minute, s.heapMib, s.rssMib, s.threads, s.openFiles, ScaleBench.load());
        return s;
    }

    private static Commit commit(ScalePeers peers, ServiceProcess service, int k, int count) throws Exception {
        int i = (k * 37) % count;
        String sha = peers.repo.write(ScaleRepo.manifest(i), ScaleRepo.configMaps(i, "soak-" + k))
                .commitAll("settings soak-" + k + " for " + ScaleRepo.name(i));
        LoopBench.webhook(service.port(), sha);
        return new Commit(sha, "plumbline/" + ScaleRepo.name(i));
    }

    private static void report(List<Sample> samples) {
        List<Sample> steady = samples.stream().filter(s -> s.minute >= WARM_UP_MINUTES).toList();
        if (steady.size() < 2) {
            System.out.printf("too short for a slope: %d samples after the first %d minutes (run at least %d"
                    + " minutes)%n", steady.size(), WARM_UP_MINUTES, WARM_UP_MINUTES + 2);
            return;
        }
        System.out.printf("slopes over minutes %d-%d (least squares, per 10 minutes); goal: flat%n",
                steady.get(0).minute, steady.get(steady.size() - 1).minute);
        line("heap after GC", steady, s -> s.heapMib, "MiB", "goal < 1 MiB per 10 minutes");
        line("RSS", steady, s -> s.rssMib, "MiB", "no goal: the JVM keeps what it took");
        line("threads", steady, s -> s.threads, "", "goal: no growth");
        line("open files", steady, s -> s.openFiles, "", "goal: no growth");
    }

    private static void line(String what, List<Sample> steady, ToDoubleFunction<Sample> value, String unit,
                             String goal) {
        double min = steady.stream().mapToDouble(value).min().orElseThrow();
        double max = steady.stream().mapToDouble(value).max().orElseThrow();
        System.out.printf("  %s: %+.2f%s per 10 minutes (from %.1f to %.1f; least %.1f, most %.1f); %s%n", what,
                10 * slope(steady, value), unit.isEmpty() ? "" : " " + unit, value.applyAsDouble(steady.get(0)),
                value.applyAsDouble(steady.get(steady.size() - 1)), min, max, goal);
    }

    /** The least-squares slope of the value against the minute. */
    static double slope(List<Sample> samples, ToDoubleFunction<Sample> value) {
        double n = samples.size();
        double meanX = samples.stream().mapToDouble(s -> s.minute).sum() / n;
        double meanY = samples.stream().mapToDouble(value).sum() / n;
        double num = 0;
        double den = 0;
        for (Sample s : samples) {
            num += (s.minute - meanX) * (value.applyAsDouble(s) - meanY);
            den += (s.minute - meanX) * (s.minute - meanX);
        }
        return num / den;
    }

    /** Each commit changed one environment; it counts when that environment got a final status on it. */
    private static void reportCommits(ScalePeers peers, List<Commit> commits) throws InterruptedException {
        Thread.sleep(COMMIT_EVERY_MILLIS);
        long done = commits.stream().filter(c -> peers.finalStatuses(c.sha).contains(c.context)).count();
        System.out.printf("commits whose environment got its final status: %d of %d%n", done, commits.size());
    }

    record Sample(int minute, double heapMib, double rssMib, long threads, long openFiles) {
    }

    private record Commit(String sha, String context) {
    }
}
