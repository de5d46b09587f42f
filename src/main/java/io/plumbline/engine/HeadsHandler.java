package io.plumbline.engine;

import io.plumbline.model.RepoFiles;

/** What the poller found new. */
interface HeadsHandler {
    /** A new head of the environment branch: reconcile it. */
    void branch(RepoFiles files, String trigger);

    /** A new pull-request head: plan it, apply nothing. */
    void pullRequest(RepoFiles files);
}
