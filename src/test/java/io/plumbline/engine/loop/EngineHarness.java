package io.plumbline.engine.loop;

import static org.awaitility.Awaitility.await;

import io.plumbline.engine.history.Holds;
import io.plumbline.engine.history.ResumePoint;
import io.plumbline.engine.history.Suspensions;
import io.plumbline.engine.plan.Pipeline;
import io.plumbline.model.Backoff;
import io.plumbline.engine.schedule.Trigger;
import io.plumbline.load.EnvironmentLoader;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.Outcome;
import io.plumbline.model.RepoFiles;
import io.plumbline.model.Revision;
import io.plumbline.source.SignatureCheck;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The engine as the service wires it (the real loader and schema, a real worker pool), with an in-memory provider,
 * timers moved by hand, a commit graph standing in for Git, and every outcome and metric call recorded.
 */
final class EngineHarness implements AutoCloseable {
    static final Duration RETRY_CAP = Duration.ofMinutes(5);

    final ManualTimers timers = new ManualTimers();
    final MemoryProvider provider = new MemoryProvider();
    final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    /** Metric calls, e.g. {@code retryScheduled:production}. */
    final List<String> metrics = new CopyOnWriteArrayList<>();
    /** Metric calls with their second argument too, e.g. {@code reconciled:production:unexpected}. */
    final List<String> metricsInFull = new CopyOnWriteArrayList<>();
    /** Commit statuses posted by the engine itself, as {@code context state: description}. */
    final List<String> statuses = new CopyOnWriteArrayList<>();
    final Environments environments;
    private final Map<String, String> parents = new ConcurrentHashMap<>();
    private final Map<String, String> files = new LinkedHashMap<>();
    /** The files of every commit handed over, for a rollback to read. */
    private final Map<String, RepoFiles> past = new ConcurrentHashMap<>();
    private String head;
    private int commits;

    EngineHarness() {
        this(EnvironmentScope.ALL);
    }

    /** @param scope the environments the engine keeps (a proxy agent's part) */
    EngineHarness(EnvironmentScope scope) {
        this(new Suspensions(Path.of("target", "suspended-" + UUID.randomUUID() + ".json"), new Metrics() {
        }), holds(), scope);
    }

    /** @param suspensions the operator's stops, shared by two harnesses to stand for a restart */
    EngineHarness(Suspensions suspensions) {
        this(suspensions, holds(), EnvironmentScope.ALL);
    }

    /** @param holds the holds after rollbacks, shared by two harnesses to stand for a restart */
    EngineHarness(Suspensions suspensions, Holds holds) {
        this(suspensions, holds, EnvironmentScope.ALL);
    }

    private static Holds holds() {
        return new Holds(Path.of("target", "held-" + UUID.randomUUID() + ".json"), new Metrics() {
        });
    }

    private EngineHarness(Suspensions suspensions, Holds holds, EnvironmentScope scope) {
        Metrics recording = recordingMetrics();
        Reconciler reconciler = new Reconciler(new Pipeline(List.of(provider)), recording,
                List.of(outcomes::add), (commit, kind, env, state, description, url) -> statuses.add(kind.of(env)
                        + " " + state + ": " + description), new Links(""), this::isAncestor,
                SignatureCheck.NONE, timers.clock());
        environments = new Environments(new Running(new EnvironmentLoader(), reconciler, timers, recording,
                new Backoff(Duration.ofSeconds(10), RETRY_CAP), 4),
                new Keeping(scope, Assignment.SOLE, ResumePoint.FRESH, suspensions, holds, this::at));
    }

    /** An environment file; {@code sync} is the inside of {@code spec.sync}, e.g. {@code mode: auto, selfHeal: true}. */
    static String environment(String name, String sync) {
        return "apiVersion: plumbline/v1\nkind: Environment\nmetadata:\n  name: " + name + "\nspec:\n  sync: {"
                + sync + "}\n";
    }

    /** Writes (or, with null, removes) an environment file for the next commit. */
    EngineHarness file(String name, String content) {
        if (content == null) {
            files.remove("environments/" + name + ".yaml");
        } else {
            files.put("environments/" + name + ".yaml", content);
        }
        return this;
    }

    /** The sha the next push will have (to prepare the provider for it). */
    String nextCommit() {
        return String.format("%040x", commits + 1);
    }

    /** Commits the files on top of the current head and hands the commit over as the poller would. */
    String push(String message) {
        return pushOnto(head, message);
    }

    /** Commits on top of {@code parent} (an older commit: a force-push) and hands it over. */
    String pushOnto(String parent, String message) {
        String sha = String.format("%040x", ++commits);
        if (parent != null) {
            parents.put(sha, parent);
        }
        head = sha;
        handOver(sha, message);
        return sha;
    }

    /**
     * Commits as the {@code n}th commit of this harness (shas count from 1 in every harness), so a second harness
     * can hand over the commit a first one ended at, as a restarted service finds it.
     */
    String pushAsCommit(int n, String message) {
        commits = n - 1;
        return pushOnto(null, message);
    }

    /** Hands an existing commit over again as the branch head (a force-push back to it). */
    void resetTo(String sha) {
        head = sha;
        handOver(sha, "");
    }

    /** Hands over a commit whose files cannot even be listed (a repository that cannot be loaded). */
    void pushUnreadable() {
        String sha = String.format("%040x", ++commits);
        parents.put(sha, head);
        head = sha;
        handOver(sha, "", null);
    }

    private void handOver(String sha, String message) {
        handOver(sha, message, Map.copyOf(files));
    }

    private void handOver(String sha, String message, Map<String, String> snapshot) {
        RepoFiles repoFiles = repoFiles(new Revision(sha, "main", message), snapshot);
        past.putIfAbsent(sha, repoFiles);
        environments.handOver(repoFiles, Trigger.WEBHOOK);
    }

    private RepoFiles at(String commit) throws IOException {
        RepoFiles files = past.get(commit);
        if (files == null) {
            throw new IOException("missing object " + commit);
        }
        return files;
    }

    private static RepoFiles repoFiles(Revision revision, Map<String, String> snapshot) {
        return new RepoFiles() {
            @Override
            public Revision revision() {
                return revision;
            }

            @Override
            public List<String> list(String folder) throws IOException {
                if (snapshot == null) {
                    throw new IOException("object 0123abcd is a gitlink, not a tree");
                }
                return snapshot.keySet().stream().filter(p -> p.startsWith(folder + "/")).sorted().toList();
            }

            @Override
            public byte[] read(String path) throws IOException {
                String text = snapshot.get(path);
                if (text == null) {
                    throw new NoSuchFileException(path);
                }
                return text.getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    List<Outcome> outcomesOf(String environment) {
        return outcomes.stream().filter(o -> o.environment().equals(environment)).toList();
    }

    /** Waits until the environment has {@code count} outcomes, and returns the last. */
    Outcome awaitOutcomes(String environment, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> outcomesOf(environment).size() >= count);
        List<Outcome> list = outcomesOf(environment);
        return list.get(list.size() - 1);
    }

    /** Waits until no run is under way or waiting; due timers have already named their environments. */
    void awaitIdle() {
        await().atMost(Duration.ofSeconds(30)).until(environments::idle);
    }

    long metric(String call) {
        return metrics.stream().filter(call::equals).count();
    }

    private boolean isAncestor(String ancestor, String descendant) {
        for (String c = descendant; c != null; c = parents.get(c)) {
            if (c.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        environments.close(Duration.ofSeconds(30));
    }

    /** Records every metric call as {@code name:first argument}, e.g. {@code retryScheduled:production}. */
    private Metrics recordingMetrics() {
        return (Metrics) Proxy.newProxyInstance(Metrics.class.getClassLoader(), new Class<?>[] {Metrics.class},
                (proxy, method, args) -> {
                    metrics.add(method.getName() + ":" + (args == null ? "" : args[0]));
                    metricsInFull.add(method.getName() + ":" + (args == null ? "" : args[0])
                            + (args != null && args.length > 1 ? ":" + args[1] : ""));
                    return null;
                });
    }
}
