package io.plumbline.engine;

import io.plumbline.report.CommitStatus;

/**
 * Where commit statuses go (a Git host's status API, or git notes). Must return at once: posting happens in
 * the background and never holds up a reconcile.
 */
@FunctionalInterface
public interface StatusSink {
    /** Posts nothing (the command line). */
    StatusSink NONE = (commit, context, state, description, targetUrl) -> {
    };

    /**
     * @param context     from {@link io.plumbline.report.StatusContext}
     * @param description one line; the sink shortens it to what the host accepts
     * @param targetUrl   where the full record is served, or empty
     */
    void post(String commit, String context, CommitStatus.State state, String description, String targetUrl);
}
