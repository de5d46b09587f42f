package io.plumbline.engine.loop;

import io.plumbline.engine.history.Holds;
import io.plumbline.engine.history.ResumePoint;
import io.plumbline.engine.history.Suspensions;

/**
 * Which environments {@link Environments} keeps, and what it keeps of them across restarts.
 *
 * @param scope       the environments kept; the others of the repository are ignored
 * @param assignment  which of them this replica may reconcile (all, alone; a share of them in a fleet)
 * @param resume      where a restarted service left off
 * @param suspensions the operators' stops
 * @param holds       the commits held after a rollback
 * @param past        the branch's files at earlier commits, for a rollback on failed health
 */
public record Keeping(EnvironmentScope scope, Assignment assignment, ResumePoint resume, Suspensions suspensions,
                      Holds holds, PastCommits past) {
}
