package io.plumbline.http.agent;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.plumbline.app.ServiceRole;
import io.plumbline.engine.history.History;
import io.plumbline.engine.history.HistoryEntry;
import io.plumbline.engine.history.OutcomeListener;
import io.plumbline.metrics.Metrics;
import io.plumbline.model.Outcome;
import io.plumbline.report.AgentResult;
import io.plumbline.report.CentralReporter;
import io.plumbline.report.StatusException;
import io.plumbline.report.Timeouts;
import io.plumbline.report.Token;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A proxy agent's side of the service's page: after every reconcile, and every {@code plumbline.agent.report-interval}
 * in any case, it sends the latest result of each of its environments to {@code plumbline.agent.service-url}. The
 * regular report is what tells the service the agent is alive; an agent that stops sending is shown as stale there.
 */
@Singleton
@Requires(property = "plumbline.role", value = ServiceRole.HAPROXY_AGENT)
public final class AgentReporter implements OutcomeListener {
    private static final Logger LOG = LoggerFactory.getLogger(AgentReporter.class);

    private final Map<String, AgentResult> latest = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "plumbline-agent-report");
        t.setDaemon(true);
        return t;
    });
    private final CentralReporter service;
    private final Metrics metrics;
    private volatile boolean failing;

    public AgentReporter(ServiceRole role, History history, @Value("${plumbline.agent.service-url}") URI serviceUrl,
                         @Value("${plumbline.agent.token:}") String token,
                         @Value("${plumbline.agent.report-interval:30s}") Duration every, Metrics metrics) {
        this.metrics = metrics;
        this.service = new CentralReporter(serviceUrl, role.haproxyHost().orElseThrow(), new Token(token),
                Timeouts.DEFAULT, Clock.systemUTC());
        // What the agent did before a restart is reported until it reconciles again.
        history.environments().forEach(env -> history.latest(env).ifPresent(e -> latest.put(env, of(e))));
        sender.scheduleWithFixedDelay(this::send, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void finished(Outcome outcome) {
        latest.put(outcome.environment(), of(HistoryEntry.of(outcome)));
        sender.execute(this::send);
    }

    private void send() {
        try {
            service.send(List.copyOf(latest.values()));
            if (failing) {
                LOG.info("reporting to {} again", service.endpoint());
            }
            failing = false;
        } catch (StatusException e) {
            // Said once per outage: the next regular report tries again.
            if (!failing) {
                LOG.warn("cannot report to {}: {}", service.endpoint(), e.getMessage());
            }
            failing = true;
        } catch (RuntimeException | Error e) {
            // Caught whole: a scheduled task that throws is never run again, and the agent would fall silent.
            LOG.error("reporting to {} failed unexpectedly: {}", service.endpoint(), e.toString(), e);
            metrics.unexpected("agent-report");
        }
    }

    private static AgentResult of(HistoryEntry e) {
        return new AgentResult(e.environment(), e.commit(), e.result(), e.health(), AgentResult.shortened(e.summary()),
                e.finished());
    }

    /** Stops reporting: the service will show this agent as stale once its bound has passed. */
    @PreDestroy
    public void close() {
        sender.shutdownNow();
    }
}
