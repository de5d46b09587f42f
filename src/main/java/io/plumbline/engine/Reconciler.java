package io.plumbline.engine;

import io.plumbline.load.EnvironmentLoader;
import io.plumbline.load.LoadResult;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.Health;
import io.plumbline.model.InvalidInputException;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.ObjectResult;
import io.plumbline.model.Outcome;
import io.plumbline.model.Problem;
import io.plumbline.model.RefusedException;
import io.plumbline.model.RepoFiles;
import io.plumbline.model.Revision;
import io.plumbline.provider.ProviderException;
import io.plumbline.source.SignatureCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconcile of every environment at a revision: load, validate, and (in auto mode) plan and apply.
 * Outcomes are recorded from one place, whatever happened, so no path can forget the log line, the
 * metrics or the listeners. One reconcile at a time per environment.
 */
public final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final EnvironmentLoader loader;
    private final Pipeline pipeline;
    private final OutcomeRecorder recorder;
    private final ResumePoint resume;
    private final Clock clock;
    private final SignatureCheck signatures;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, LoadedEnvironment> lastLoaded = new ConcurrentHashMap<>();

    public Reconciler(EnvironmentLoader loader, Pipeline pipeline, Metrics metrics, List<OutcomeListener> listeners,
                      ResumePoint resume, Clock clock) {
        this(loader, pipeline, metrics, listeners, resume, clock, SignatureCheck.NONE);
    }

    /** @param signatures refuses, before anything is planned, a commit not signed by an allowed key */
    public Reconciler(EnvironmentLoader loader, Pipeline pipeline, Metrics metrics, List<OutcomeListener> listeners,
                      ResumePoint resume, Clock clock, SignatureCheck signatures) {
        this.signatures = signatures;
        this.resume = resume;
        this.loader = loader;
        this.pipeline = pipeline;
        this.recorder = new OutcomeRecorder(metrics, listeners);
        this.clock = clock;
    }

    /**
     * Every environment of a revision: each loads completely or is reported invalid; the valid ones are
     * reconciled in parallel on {@code pool}, at most one reconcile at a time per environment.
     */
    public List<Outcome> reconcileAll(RepoFiles files, String trigger, ExecutorService pool) {
        Instant started = clock.instant();
        LoadResult loaded;
        try {
            loaded = loader.loadAll(files);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + files.revision().shortCommit() + " failed", e);
        }
        List<Outcome> outcomes = new ArrayList<>();
        loaded.problems().forEach((file, problems) ->
                outcomes.add(recorder.record(invalid(file, files.revision(), trigger, started, problems))));
        List<Future<Optional<Outcome>>> running = new ArrayList<>();
        for (LoadedEnvironment env : loaded.environments()) {
            running.add(pool.submit(() -> reconcile(env, trigger)));
        }
        for (var future : running) {
            try {
                future.get().ifPresent(outcomes::add);
            } catch (ExecutionException e) {
                LOG.error("reconcile failed unexpectedly", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return outcomes;
    }

    /** Plans and, in auto mode, applies one loaded environment; nothing at all when it is suspended. */
    public Optional<Outcome> reconcile(LoadedEnvironment env, String trigger) {
        if (env.environment().spec().sync().mode().equals("suspended")) {
            LOG.info("environment {} is suspended; {} at {} not reconciled", env.name(), trigger,
                    env.revision().shortCommit());
            return Optional.empty();
        }
        if (!lastLoaded.containsKey(env.name()) && trigger.equals("poll")
                && resume.lastCommit(env.name()).filter(env.revision().commit()::equals).isPresent()) {
            LOG.info("environment {} was reconciled at {} before this start; not again", env.name(),
                    env.revision().shortCommit());
            lastLoaded.put(env.name(), env);
            recorder.found(env.name());
            return Optional.empty();
        }
        ReentrantLock lock = lockOf(env.name());
        lock.lock();
        try {
            recorder.started(env.name(), env.revision());
            lastLoaded.put(env.name(), env);
            return Optional.of(recorder.record(run(env, trigger)));
        } finally {
            lock.unlock();
        }
    }

    /** The environment as last reconciled (what drift is measured against). */
    public Optional<LoadedEnvironment> lastReconciled(String environment) {
        return Optional.ofNullable(lastLoaded.get(environment));
    }

    /** Names of the environments reconciled since start. */
    public Set<String> environments() {
        return Set.copyOf(lastLoaded.keySet());
    }

    /** Plans without applying (drift checks, pull requests); waits for a reconcile of the same environment. */
    public List<ProviderPlan> plan(LoadedEnvironment env) {
        ReentrantLock lock = lockOf(env.name());
        lock.lock();
        try {
            return pipeline.plan(env);
        } finally {
            lock.unlock();
        }
    }

    private ReentrantLock lockOf(String environment) {
        return locks.computeIfAbsent(environment, n -> new ReentrantLock());
    }

    private Outcome run(LoadedEnvironment env, String trigger) {
        Instant started = clock.instant();
        String mode = env.environment().spec().sync().mode();
        try {
            signatures.verify(env.revision().commit());
            List<ProviderPlan> plans = pipeline.plan(env);
            if (!mode.equals("auto")) {
                return outcome(env, trigger, started, Outcome.Result.SUCCESS, planOnly(plans), Health.HEALTHY, "");
            }
            Pipeline.Applied applied = pipeline.apply(env, plans);
            return outcome(env, trigger, started, applied.ok() ? Outcome.Result.SUCCESS : Outcome.Result.FAILURE,
                    applied.results(), applied.health(), applied.error());
        } catch (InvalidInputException e) {
            return invalid(env.file(), env.revision(), trigger, started, e.problems());
        } catch (RefusedException e) {
            return outcome(env, trigger, started, Outcome.Result.REFUSED, Map.of(), Health.HEALTHY, e.getMessage());
        } catch (ProviderException e) {
            return outcome(env, trigger, started, e.retryable() ? Outcome.Result.FAILURE : Outcome.Result.REFUSED,
                    Map.of(), Health.unknown(""), e.getMessage());
        } catch (RuntimeException e) {
            LOG.debug("reconcile of {} failed", env.name(), e);
            return outcome(env, trigger, started, Outcome.Result.FAILURE, Map.of(), Health.unknown(""),
                    String.valueOf(e.getMessage()));
        }
    }

    /** In plan-only mode every write is recorded as skipped, so the status says what would have changed. */
    private static Map<String, List<ObjectResult>> planOnly(List<ProviderPlan> plans) {
        Map<String, List<ObjectResult>> results = new LinkedHashMap<>();
        for (ProviderPlan plan : plans) {
            results.put(plan.name(), plan.changes().changes().stream()
                    .map(c -> c.action().writes() ? ObjectResult.skipped(c, "plan-only") : ObjectResult.done(c))
                    .toList());
        }
        return results;
    }

    private Outcome outcome(LoadedEnvironment env, String trigger, Instant started, Outcome.Result result,
                            Map<String, List<ObjectResult>> results, Health health, String error) {
        return new Outcome(env.name(), env.file(), env.revision(), trigger, started, clock.instant(), result, results,
                health, List.of(), error);
    }

    private Outcome invalid(String file, Revision revision, String trigger, Instant started, List<Problem> problems) {
        return new Outcome(OutcomeRecorder.nameOf(file), file, revision, trigger, started, clock.instant(),
                Outcome.Result.INVALID, Map.of(), Health.HEALTHY, problems, "");
    }
}
