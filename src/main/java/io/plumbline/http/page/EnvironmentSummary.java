package io.plumbline.http.page;

import io.plumbline.engine.history.Hold;
import io.plumbline.engine.history.HistoryEntry;
import io.plumbline.engine.plan.WindowStatus;
import io.plumbline.http.agent.AgentView;
import io.plumbline.source.CommitInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One line of the overview.
 *
 * @param mode    {@code auto}, {@code plan-only}, {@code suspended} or {@code suspended by operator}; empty when
 *                not loaded since start
 * @param commit  the commit of the latest reconcile, when the Git cache knows it
 * @param latest  the latest reconcile, if any
 * @param drift   how many resources differ from the commit at the last drift check
 * @param running whether a reconcile runs now
 * @param hold    the hold on its newest commit after a rollback, if it is held
 * @param windows its sync windows, each open now or not
 * @param waiting when the sync windows let through the apply they hold back, if one waits
 * @param agents  the proxy hosts it names, with their agents' results; empty when it names none
 * @param reconciledBy in a fleet, the replica that reconciles the environment now
 * @param progress what its apply under way says of its progress (a migration by steps), as its pending status does
 */
record EnvironmentSummary(String name, String mode, Optional<CommitInfo> commit, Optional<HistoryEntry> latest,
                          long drift, boolean running, Optional<Hold> hold, List<WindowStatus> windows,
                          Optional<Instant> waiting, List<AgentView> agents, Optional<String> reconciledBy,
                          Optional<String> progress) {
}
