package io.plumbline.engine.loop;

import io.plumbline.report.CommitStatus;
import io.plumbline.report.StatusContext;

/**
 * Where commit statuses go (a Git host's status API, or git notes). Must return at once: posting happens in
 * the background and never holds up a reconcile. The sink names the context: the service and each proxy agent
 * post the same kinds under contexts of their own.
 */
@FunctionalInterface
public interface StatusSink {
    /** Posts nothing (the command line). */
    StatusSink NONE = (commit, kind, environment, state, description, targetUrl) -> {
    };

    /**
     * @param kind        apply, drift or plan
     * @param description one line; the sink shortens it to what the host accepts
     * @param targetUrl   where the full record is served, or empty
     */
    void post(String commit, StatusContext kind, String environment, CommitStatus.State state, String description,
              String targetUrl);
}
