package io.plumbline.http.page;

import io.plumbline.engine.HistoryEntry;
import io.plumbline.source.CommitInfo;
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
 * @param reconciledBy in a fleet, the replica that reconciles the environment now
 */
record EnvironmentSummary(String name, String mode, Optional<CommitInfo> commit, Optional<HistoryEntry> latest,
                          long drift, boolean running, Optional<String> reconciledBy) {
}
