package io.plumbline.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.plumbline.engine.drift.DriftReport;
import io.plumbline.engine.Engine;
import io.plumbline.engine.history.History;
import io.plumbline.engine.history.HistoryEntry;
import io.plumbline.engine.review.PlanReport;
import io.plumbline.engine.plan.SyncWindows;
import io.plumbline.http.agent.AgentBoard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The read API over history, drift and plans, and a manual reconcile trigger. */
@Controller("/api")
public class ApiController {
    private final Engine engine;
    private final History history;
    private final AgentBoard agents;

    public ApiController(Engine engine, History history, AgentBoard agents) {
        this.engine = engine;
        this.history = history;
        this.agents = agents;
    }

    /**
     * Every environment with a history or in the newest commit, with its latest reconcile and drift count, its hold
     * after a rollback ({@code held}: commit and reason, or null), its sync windows (each {@code open} now or not),
     * the time an apply held back by them waits for ({@code waitingForWindow}, or null), what its apply under way says
     * of its progress ({@code progress}: {@code migrating: 25% → 50%, next check in 40 s}, or null), and the proxy
     * agents of the hosts it names (empty when it names none).
     */
    @Get("/environments")
    public List<Map<String, Object>> environments() {
        Set<String> names = new TreeSet<>(history.environments());
        names.addAll(engine.names());
        return names.stream().map(env -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", env);
            m.put("mode", engine.mode(env));
            engine.owner(env).ifPresent(owner -> m.put("reconciledBy", owner));
            m.put("latest", history.latest(env).orElse(null));
            m.put("driftResources", engine.drift(env).map(DriftReport::resources).orElse(0L));
            m.put("held", engine.hold(env).orElse(null));
            m.put("windows", engine.windows(env));
            m.put("waitingForWindow", engine.windowOpens(env).map(SyncWindows::time).orElse(null));
            m.put("progress", engine.progress(env).orElse(null));
            m.put("agents", agents.of(env));
            return m;
        }).toList();
    }

    @Get("/environments/{env}/history")
    public HttpResponse<List<HistoryEntry>> history(@PathVariable String env) {
        List<HistoryEntry> entries = history.of(env);
        return entries.isEmpty() ? HttpResponse.notFound() : HttpResponse.ok(entries);
    }

    @Get("/environments/{env}/drift")
    public HttpResponse<DriftReport> drift(@PathVariable String env) {
        return engine.drift(env).map(HttpResponse::ok).orElseGet(HttpResponse::notFound);
    }

    @Post("/environments/{env}/reconcile")
    public HttpResponse<Map<String, String>> reconcile(@PathVariable String env) {
        return elsewhere(env).orElseGet(() -> engine.reconcileNow(env) ? HttpResponse.accepted().body(Map.of("environment", env, "status", "queued"))
                : unknown(env));
    }

    /** An operator's emergency stop: nothing reconciles the environment until it is resumed (kept across restarts). */
    @Post("/environments/{env}/suspend")
    public HttpResponse<Map<String, String>> suspend(@PathVariable String env) {
        return elsewhere(env).orElseGet(() -> engine.suspend(env)
                ? HttpResponse.ok(Map.of("environment", env, "mode", Engine.SUSPENDED_BY_OPERATOR)) : unknown(env));
    }

    /** Lifts an operator's stop; the newest commit is reconciled. */
    @Post("/environments/{env}/resume")
    public HttpResponse<Map<String, String>> resume(@PathVariable String env) {
        return elsewhere(env).orElseGet(() -> engine.resume(env)
                ? HttpResponse.accepted().body(Map.of("environment", env, "status", "queued")) : unknown(env));
    }

    /**
     * In a fleet, what changes how an environment is reconciled goes to the replica that reconciles it: another
     * replica answers 409 naming it, rather than keep a request its owner would never see.
     */
    private Optional<HttpResponse<Map<String, String>>> elsewhere(String env) {
        return engine.reconciledElsewhere(env).map(owner -> HttpResponse.<Map<String, String>>status(
                HttpStatus.CONFLICT).body(Map.of("error", env + " is reconciled by replica " + owner + ", not by "
                + engine.replica() + "; send the request to it", "reconciledBy", owner)));
    }

    private static HttpResponse<Map<String, String>> unknown(String env) {
        return HttpResponse.<Map<String, String>>notFound().body(Map.of("error", "no environment named " + env
                + " has been loaded"));
    }

    @Get("/plans/{sha}")
    public HttpResponse<List<PlanReport>> plan(@PathVariable String sha) {
        List<PlanReport> plans = engine.plan(sha);
        return plans.isEmpty() ? HttpResponse.notFound() : HttpResponse.ok(plans);
    }
}
