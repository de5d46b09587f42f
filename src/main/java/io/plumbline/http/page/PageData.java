package io.plumbline.http.page;

import io.plumbline.engine.drift.DriftReport;
import io.plumbline.engine.Engine;
import io.plumbline.engine.history.History;
import io.plumbline.engine.history.HistoryEntry;
import io.plumbline.engine.review.PlanReport;
import io.plumbline.http.agent.AgentBoard;
import io.plumbline.source.CommitInfo;
import io.plumbline.source.GitSource;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Everything the page shows, read through the engine's, history's and the Git cache's public read methods
 * only: the one class to change when those change.
 */
@Singleton
public final class PageData {
    private final Engine engine;
    private final History history;
    private final GitSource git;
    private final Activity activity;
    private final AgentBoard agents;

    public PageData(Engine engine, History history, GitSource git, Activity activity, AgentBoard agents) {
        this.agents = agents;
        this.engine = engine;
        this.history = history;
        this.git = git;
        this.activity = activity;
    }

    /**
     * Environments with a history or in the newest commit (one that only waits for its sync windows has no history
     * yet; a replica of a fleet may reconcile none), by name.
     */
    List<EnvironmentSummary> environments() {
        return names().stream().map(this::summary).toList();
    }

    private TreeSet<String> names() {
        TreeSet<String> names = new TreeSet<>(history.environments());
        names.addAll(engine.names());
        return names;
    }

    EnvironmentSummary summary(String name) {
        Optional<HistoryEntry> latest = history.latest(name);
        return new EnvironmentSummary(name, engine.mode(name),
                latest.flatMap(e -> commit(e.commit())), latest,
                engine.drift(name).map(DriftReport::resources).orElse(0L), activity.running(name),
                engine.hold(name), engine.windows(name), engine.windowOpens(name), agents.of(name), engine.owner(name),
                engine.progress(name));
    }

    boolean known(String name) {
        return names().contains(name);
    }

    boolean running() {
        return activity.any();
    }

    List<HistoryEntry> history(String name) {
        return history.of(name);
    }

    Optional<DriftReport> drift(String name) {
        return engine.drift(name);
    }

    Optional<CommitInfo> commit(String sha) {
        return git.describe(sha);
    }

    /** The plan of each open pull-request head, by ref. */
    List<PullRequestPlans> pullRequests() {
        List<PullRequestPlans> out = new ArrayList<>();
        for (Map.Entry<String, String> head : git.pullRequests().entrySet()) {
            out.add(new PullRequestPlans(head.getKey(), head.getValue(), engine.plan(head.getValue())));
        }
        return out;
    }

    List<PlanReport> plans(String commit) {
        return engine.plan(commit);
    }

    /** One open pull request's head and its plans (empty until the head is planned). */
    record PullRequestPlans(String ref, String commit, List<PlanReport> plans) {
    }
}
