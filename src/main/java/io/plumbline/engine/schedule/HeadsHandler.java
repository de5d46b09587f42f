package io.plumbline.engine.schedule;

import io.plumbline.model.RepoFiles;

/** What the poller found new. */
public interface HeadsHandler {
    /** A new head of the environment branch: hand it over; must return without waiting for a reconcile. */
    void branch(RepoFiles files, Trigger trigger);

    /** A new pull-request head: plan it, apply nothing. */
    void pullRequest(RepoFiles files);
}
