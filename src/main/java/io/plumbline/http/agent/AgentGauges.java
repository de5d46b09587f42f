package io.plumbline.http.agent;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.plumbline.app.ServiceRole;
import io.plumbline.engine.Engine;
import io.plumbline.metrics.Metrics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code plumbline_agent_stale{environment,host}} on the central service, for every proxy host an environment of
 * the newest commit names: 1 while the host's agent has not reported for {@code plumbline.agents.stale-after} (or
 * not since the service started), else 0. The value is read from the {@link AgentBoard} at each scrape; which
 * pairs there are is looked at again every five seconds, so a host a commit adds or drops shows soon after.
 *
 * <p>In a fleet an agent reports to one replica (the Service picks it), so the others see it stale: an alert takes
 * the lowest value over the replicas.
 */
@Singleton
@Requires(property = "plumbline.role", value = ServiceRole.CENTRAL, defaultValue = ServiceRole.CENTRAL)
public final class AgentGauges implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(AgentGauges.class);
    private static final long REFRESH_SECONDS = 5;

    private final Engine engine;
    private final AgentBoard board;
    private final Metrics metrics;
    private final Set<List<String>> watched = new HashSet<>();
    private final ScheduledExecutorService refresh = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "plumbline-agent-gauges");
        t.setDaemon(true);
        return t;
    });

    public AgentGauges(Engine engine, AgentBoard board, Metrics metrics) {
        this.engine = engine;
        this.board = board;
        this.metrics = metrics;
    }

    /** Starts with the server, as the engine does. */
    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        refresh.scheduleWithFixedDelay(this::refresh, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    private void refresh() {
        try {
            watchNamedHosts();
        } catch (RuntimeException e) {
            // The next refresh tries again; a scheduled task that threw would never run again.
            LOG.warn("the proxy agents' gauges could not be refreshed: {}", e.toString());
        } catch (Error e) {
            LOG.error("the proxy agents' gauges failed unexpectedly: {}", e.toString(), e);
            metrics.unexpected("agent-gauges");
        }
    }

    private void watchNamedHosts() {
        Set<List<String>> named = new HashSet<>();
        for (String environment : engine.names()) {
            board.hostsOf(environment).forEach(host -> named.add(List.of(environment, host)));
        }
        for (List<String> pair : named) {
            if (watched.add(pair)) {
                metrics.agentWatched(pair.get(0), pair.get(1), () -> board.stale(pair.get(1)));
            }
        }
        watched.removeIf(pair -> {
            boolean gone = !named.contains(pair);
            if (gone) {
                metrics.agentUnwatched(pair.get(0), pair.get(1));
            }
            return gone;
        });
    }

    @PreDestroy
    void close() {
        refresh.shutdownNow();
    }
}
