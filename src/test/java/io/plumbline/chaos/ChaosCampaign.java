package io.plumbline.chaos;

import io.plumbline.bench.ServiceProcess;
import io.plumbline.report.HostApi;
import io.plumbline.report.HostApis;
import io.plumbline.report.StatusHostServer;
import io.plumbline.testing.TestRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crash campaign of one target: {@code plumbline serve} as a child JVM on the target's peers, a commit at a time;
 * each apply is ended by SIGKILL a seeded random delay after its pending status reached the status host (a local
 * host playing GitHub, which outlives the service), and the service is started again on the same state folder.
 * After each restart: the commit's final status arrives within two reconciles of the restarted service, a fresh
 * {@code plumbline plan} of each environment is empty, nothing exists twice or without its marks, nothing marked is
 * left after a decommission commit, the foreign objects are as planted, and each commit has one final status per
 * environment, {@code success}. A seed replays the same delays.
 */
public final class ChaosCampaign {
    static final String TOKEN = "ghp_chaosToken0123456789";
    private static final Path LAUNCHER = Path.of("bin/plumbline").toAbsolutePath();
    private static final Path JAR = Path.of("target/plumbline.jar").toAbsolutePath();
    private static final Pattern RECONCILES = Pattern.compile(
            "(?m)^plumbline_reconcile_total\\{environment=\"([^\"]+)\",result=\"[^\"]+\"} ([0-9.eE+]+)$");
    private static final long FINAL_STATUS_SECONDS = 240;

    private final ChaosTarget target;
    private final Random random;
    private final Path dir;
    private final PrintStream out;
    /** The running service: started again after each kill. */
    private ServiceProcess service;

    private ChaosCampaign(ChaosTarget target, long seed, Path dir, PrintStream out) {
        this.target = target;
        this.random = new Random(seed);
        this.dir = dir;
        this.out = out;
    }

    /** Runs {@code points} kill points on {@code target} (started here, closed by the caller). */
    public static Figures run(ChaosTarget target, long seed, int points, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("plumbline-chaos-" + target.name());
        out.printf("%s: seed %d, %d kill points, service folder %s%n", target.name(), seed, points, dir);
        return new ChaosCampaign(target, seed, dir, out).run(points);
    }

    private Figures run(int points) throws Exception {
        Figures figures = new Figures(target.name());
        target.start();
        List<String> commits = new ArrayList<>();
        try (StatusHostServer github = StatusHostServer.start(HostApis.github("acme/infra", TOKEN));
             TestRepo repo = TestRepo.withFiles(dir, present(target.step(0).files()))) {
            Path serviceDir = dir.resolve("service");
            String config = config(repo, github);
            service = ServiceProcess.start(serviceDir, config);
            // A campaign stopped by hand leaves no service behind.
            Thread reaper = new Thread(this::killService, "chaos-service-reaper");
            Runtime.getRuntime().addShutdownHook(reaper);
            try {
                for (int n = 0; n < points; n++) {
                    ChaosTarget.Step step = target.step(n);
                    String commit = n == 0 ? repo.head() : write(repo, step);
                    commits.add(commit);
                    String where = String.format("%s point %d (commit %d, %s, %s)", target.name(), n + 1, n,
                            step.name(), commit.substring(0, 7));
                    killDuring(github, commit, where, serviceDir, config);
                    check(figures, github, repo, commit, step, where);
                    if (n == 0) {
                        target.firstConverged();
                    }
                }
            } finally {
                service.close();
                Runtime.getRuntime().removeShutdownHook(reaper);
            }
            for (int n = 0; n < commits.size(); n++) {
                figures.statuses(target.name() + " commit " + n + " at the end",
                        wrongFinals(github.accepted(), commits.get(n)));
            }
            figures.failedRequests(target.failedRequests());
            if (!target.traffic().isEmpty()) {
                out.printf("%s traffic across the kills: %s%n", target.name(), target.traffic());
            }
        }
        out.println(figures);
        return figures;
    }

    private static Map<String, String> present(Map<String, String> files) {
        Map<String, String> present = new TreeMap<>();
        files.forEach((path, text) -> {
            if (text != null) {
                present.put(path, text);
            }
        });
        return present;
    }

    private void killService() {
        try {
            service.kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the step's files (a null text deletes the file) and commits them. */
    private static String write(TestRepo repo, ChaosTarget.Step step) throws IOException {
        for (Map.Entry<String, String> file : step.files().entrySet()) {
            if (file.getValue() == null) {
                Files.deleteIfExists(repo.dir().resolve(file.getKey()));
            } else {
                repo.write(file.getKey(), file.getValue());
            }
        }
        return repo.commitAll(step.message());
    }

    /** Waits for the apply to start, kills the service at the seeded point and starts it again. */
    private void killDuring(StatusHostServer github, String commit, String where, Path serviceDir, String config)
            throws Exception {
        int delay = random.nextInt(target.killWindowMillis() + 1);
        String context = "plumbline/" + target.environments().get(0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FINAL_STATUS_SECONDS);
        while (github.accepted().stream().noneMatch(a -> a.commit().equals(commit) && a.context().equals(context))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(where + ": no status within " + FINAL_STATUS_SECONDS + " s");
            }
            Thread.sleep(5);
        }
        Thread.sleep(delay);
        boolean finished = wrongFinals(github.accepted(), commit).isEmpty();
        service.kill();
        out.printf("%s: SIGKILL %d ms after the first status (%s)%n", where, delay,
                finished ? "after the final statuses" : "during the apply");
        service = ServiceProcess.start(serviceDir, config);
    }

    private void check(Figures figures, StatusHostServer github, TestRepo repo, String commit, ChaosTarget.Step step,
                       String where) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FINAL_STATUS_SECONDS);
        while (!allFinal(github.accepted(), commit) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        boolean arrived = allFinal(github.accepted(), commit);
        if (!arrived) {
            figures.notConverged(where, "no final status within " + FINAL_STATUS_SECONDS + " s of the restart");
        }
        figures.point(arrived && withinTwoReconciles(figures, where));
        for (String env : target.environments()) {
            String plan = plan(repo, env);
            if (plan != null) {
                figures.plan(where, env, plan);
            }
        }
        figures.duplicates(where, target.duplicates());
        figures.foreign(where, target.foreignTouched());
        if (step.decommission()) {
            figures.leaks(where, target.leftAfterDecommission());
        }
        figures.statuses(where, wrongFinals(github.accepted(), commit));
        out.printf("%s: checked; %d problems so far%n", where, figures.problems().size());
    }

    /** Whether the restarted service reconciled each environment at most twice, read from its metrics. */
    private boolean withinTwoReconciles(Figures figures, String where) {
        Map<String, Double> sums = new TreeMap<>();
        Matcher m = RECONCILES.matcher(get("/prometheus"));
        while (m.find()) {
            sums.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum);
        }
        boolean within = sums.values().stream().allMatch(n -> n <= 2);
        if (!within) {
            figures.notConverged(where, "reconciles after the restart: " + sums);
        }
        return within;
    }

    private String get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + service.port() + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether every environment has a final status on the commit. */
    private boolean allFinal(List<HostApi.Accepted> accepted, String commit) {
        return target.environments().stream().allMatch(env -> accepted.stream().anyMatch(a -> a.commit()
                .equals(commit) && a.context().equals("plumbline/" + env) && !a.state().equals("pending")));
    }

    /** Per environment, a final status missing, posted more than once, or not {@code success}. */
    private List<String> wrongFinals(List<HostApi.Accepted> accepted, String commit) {
        List<String> wrong = new ArrayList<>();
        for (String env : target.environments()) {
            List<HostApi.Accepted> finals = accepted.stream().filter(a -> a.commit().equals(commit)
                    && a.context().equals("plumbline/" + env) && !a.state().equals("pending")).toList();
            if (finals.size() != 1 || !finals.get(0).state().equals("success")) {
                wrong.add(env + " on " + commit.substring(0, 7) + ": " + finals.stream()
                        .map(a -> a.state() + " (" + a.description() + ")").toList());
            }
        }
        return wrong;
    }

    /** A fresh {@code plumbline plan} of the environment at the branch's head: null when empty, else its output. */
    private String plan(TestRepo repo, String env) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "plan", "--repo", repo.dir().toString(),
                "--ref", "main", "--env", env, "--detailed-exitcode"));
        command.addAll(target.planOptions());
        Path output = Files.createTempFile(dir, "plan-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(Map.of("PLUMBLINE_JAR", JAR.toString(), "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing", "AWS_REGION", "us-west-2"));
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "plan did not end within 180 s";
        }
        String text = Files.readString(output);
        Files.delete(output);
        return process.exitValue() == 0 ? null : "exit " + process.exitValue() + ": " + text;
    }

    private String config(TestRepo repo, StatusHostServer github) {
        return """
                plumbline:
                  git: {url: "%s", cache-dir: "%s"}
                  state-dir: "%s"
                  poll: {interval: 1s, jitter: 0.0}
                  engine: {retry-base: 1s}
                  status: {host: github, api-url: "%s", repository: acme/infra, token: "%s"}
                %s""".formatted(repo.url(), dir.resolve("service/cache"), dir.resolve("service/state"), github.url(),
                TOKEN, target.serviceSettings());
    }
}
