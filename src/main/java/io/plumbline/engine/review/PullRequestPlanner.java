package io.plumbline.engine.review;

import io.plumbline.engine.loop.Assignment;
import io.plumbline.engine.loop.Failures;
import io.plumbline.engine.loop.Links;
import io.plumbline.engine.loop.OutcomeRecorder;
import io.plumbline.engine.loop.StatusSink;
import io.plumbline.engine.plan.Destructive;
import io.plumbline.engine.plan.Pipeline;
import io.plumbline.engine.plan.PlanFence;
import io.plumbline.load.EnvironmentLoader;
import io.plumbline.load.LoadResult;
import io.plumbline.model.Action;
import io.plumbline.model.Change;
import io.plumbline.model.LoadedEnvironment;
import io.plumbline.model.Problem;
import io.plumbline.model.RepoFiles;
import io.plumbline.report.CommitStatus;
import io.plumbline.report.StatusContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans every environment at a pull-request head without applying anything, posts
 * {@code plumbline/<env>/plan} on that head, and keeps the full plan for {@code /api/plans/{sha}}. In a fleet each
 * replica plans only the environments its {@link Assignment#plans} gives it, so each status is posted once.
 */
public final class PullRequestPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(PullRequestPlanner.class);
    private static final int KEPT_PLANS = 200;

    private final EnvironmentLoader loader;
    private final Pipeline pipeline;
    private final StatusSink statuses;
    private final Links links;
    private final PlanListener listener;
    private final Function<String, Optional<LoadedEnvironment>> branch;
    private final Predicate<String> mine;
    private final Map<String, List<PlanReport>> plans = new ConcurrentHashMap<>();

    /**
     * @param branch each environment as the environment branch declares it: what a pull request may not change
     * @param mine   the environments this process plans (all of them alone; its share in a fleet)
     */
    public PullRequestPlanner(EnvironmentLoader loader, Pipeline pipeline, StatusSink statuses, Links links,
                              PlanListener listener, Function<String, Optional<LoadedEnvironment>> branch,
                              Predicate<String> mine) {
        this.mine = mine;
        this.branch = branch;
        this.listener = listener;
        this.loader = loader;
        this.pipeline = pipeline;
        this.statuses = statuses;
        this.links = links;
    }

    public List<PlanReport> plan(RepoFiles files) {
        String commit = files.revision().commit();
        List<PlanReport> reports = new ArrayList<>();
        LoadResult loaded;
        try {
            loaded = loader.loadAll(files);
        } catch (IOException e) {
            LOG.warn("pull request {} could not be read: {}", files.revision().ref(), e.getMessage());
            return List.of();
        }
        loaded.problems().forEach((file, problems) -> {
            if (mine.test(OutcomeRecorder.nameOf(file))) {
                reports.add(invalid(file, files, problems));
            }
        });
        for (LoadedEnvironment env : loaded.environments()) {
            if (mine.test(env.name())) {
                reports.add(plan(env));
            }
        }
        for (PlanReport r : reports) {
            CommitStatus.State state = r.error().isEmpty() && r.destructive().isEmpty() ? CommitStatus.State.SUCCESS
                    : CommitStatus.State.FAILURE;
            statuses.post(commit, StatusContext.PLAN, r.environment(), state, r.summary(),
                    links.plan(commit));
        }
        if (plans.size() >= KEPT_PLANS) {
            plans.clear();
        }
        plans.put(commit, List.copyOf(reports));
        listener.planned(files.revision().ref(), List.copyOf(reports));
        return reports;
    }

    public List<PlanReport> get(String commit) {
        return plans.getOrDefault(commit, List.of());
    }

    private PlanReport plan(LoadedEnvironment env) {
        String commit = env.revision().commit();
        List<String> fenced = PlanFence.crossed(env, branch.apply(env.name()));
        if (!fenced.isEmpty()) {
            String why = "not planned: changes " + String.join(", ", fenced)
                    + ", which only the environment branch may set; planned after merge";
            return new PlanReport(env.name(), commit, env.revision().ref(), why, List.of(), List.of(), why);
        }
        try {
            List<Change> changes = pipeline.plan(env).stream().flatMap(p -> p.changes().changes().stream())
                    .filter(c -> c.action().writes()).toList();
            List<String> destructive = Destructive.flags(changes);
            String summary = count(changes, Action.CREATE) + " to create, " + count(changes, Action.UPDATE)
                    + " to update, " + count(changes, Action.DELETE) + " to delete"
                    + (destructive.isEmpty() ? "" : "; destructive: " + destructive.get(0)
                    + (destructive.size() > 1 ? " (+" + (destructive.size() - 1) + " more)" : ""));
            return new PlanReport(env.name(), commit, env.revision().ref(), summary,
                    changes.stream().map(c -> c.action().symbol() + " " + c.key()).toList(), destructive, "");
        } catch (RuntimeException e) {
            String why = Failures.describe(e);
            return new PlanReport(env.name(), commit, env.revision().ref(), "cannot plan: " + why, List.of(),
                    List.of(), why);
        } finally {
            // Watches opened for this pull request alone close; those the branch's environments read stay.
            pipeline.planned(env);
        }
    }

    private static PlanReport invalid(String file, RepoFiles files, List<Problem> problems) {
        String name = OutcomeRecorder.nameOf(file);
        String first = problems.isEmpty() ? "invalid" : problems.get(0).toString();
        return new PlanReport(name, files.revision().commit(), files.revision().ref(), first, List.of(), List.of(),
                problems.stream().map(Problem::toString).reduce((a, b) -> a + "\n" + b).orElse(first));
    }

    private static long count(List<Change> changes, Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }
}
