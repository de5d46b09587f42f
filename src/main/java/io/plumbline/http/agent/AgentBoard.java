package io.plumbline.http.agent;

import io.micronaut.context.annotation.Value;
import io.plumbline.engine.Engine;
import io.plumbline.model.spec.haproxy.HaproxySpec;
import io.plumbline.report.AgentResult;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The service's record of the proxy agents' reports: per host, when it last reported and its latest result in each
 * environment that names it. Kept in memory: after a restart each agent is back on the page with its next regular
 * report. Only hosts and environments the repository names are kept, so no report can make it grow past them.
 */
@Singleton
public final class AgentBoard {
    private final Engine engine;
    private final Duration staleAfter;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Received> hosts = new ConcurrentHashMap<>();

    private record Received(Instant at, Map<String, AgentResult> results) {
    }

    public AgentBoard(Engine engine, @Value("${plumbline.agents.stale-after:90s}") Duration staleAfter) {
        this.engine = engine;
        this.staleAfter = staleAfter;
    }

    /**
     * Keeps a report of {@code host}, replacing its last one: the results of the environments that name the host.
     *
     * @param environments the environments the service knows
     * @return how many results were kept, or empty when no environment names the host
     */
    Optional<Integer> received(String host, List<AgentResult> results, List<String> environments) {
        if (environments.stream().noneMatch(env -> hostsOf(env).contains(host))) {
            return Optional.empty();
        }
        Map<String, AgentResult> kept = results.stream().filter(r -> hostsOf(r.environment()).contains(host))
                .collect(Collectors.toMap(AgentResult::environment, r -> r, (a, b) -> b));
        hosts.put(host, new Received(clock.instant(), Map.copyOf(kept)));
        return Optional.of(kept.size());
    }

    /** Every host the environment names, in its order, with the agent's result there; empty when it names none. */
    public List<AgentView> of(String environment) {
        Instant now = clock.instant();
        return hostsOf(environment).stream().map(host -> {
            Received r = hosts.get(host);
            if (r == null) {
                return new AgentView(host, true, null, null, null, null, null, null);
            }
            boolean stale = stale(r, now);
            AgentResult result = r.results().get(environment);
            return result == null ? new AgentView(host, stale, r.at().toString(), null, null, null, null, null)
                    : new AgentView(host, stale, r.at().toString(), result.commit(), result.result(), result.health(),
                            result.summary(), result.finished());
        }).toList();
    }

    /** Whether the agent of {@code host} has not reported for longer than stale-after, or not since the start. */
    public boolean stale(String host) {
        Received r = hosts.get(host);
        return r == null || stale(r, clock.instant());
    }

    private boolean stale(Received r, Instant now) {
        return Duration.between(r.at(), now).compareTo(staleAfter) > 0;
    }

    /** The hosts the environment names, in its order; empty when it names none or is not loaded. */
    public List<String> hostsOf(String environment) {
        return engine.environment(environment).map(e -> e.environment().spec().haproxy())
                .map(HaproxySpec::hosts).orElse(List.of());
    }

    /** How long an agent may stay silent before it is shown as stale. */
    public Duration staleAfter() {
        return staleAfter;
    }
}
